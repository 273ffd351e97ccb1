package dev.orchestrator.engines.guide;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.engines.chain.ChainFixture;
import dev.orchestrator.feed.EventPublisher;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/writing-an-engine.md, done by the letter: the example plugin (examples/severity-plugin, its own project built
 * against the API alone) on the class path, the guide's ini blocks applied to a copy of the shipped etc/ (steps 3
 * to 6), then the daemon runs it. The one change: {@code beat_interval=1} instead of 60, so the
 * heartbeat shows within the test.
 */
class SeverityEngineTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    private static final Path GUIDE = Path.of("..", "docs", "writing-an-engine.md").toAbsolutePath().normalize();
    private static final Pattern INI_BLOCK = Pattern.compile("```ini\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path home;

    /** The guide's ini blocks, by the header of their first section. */
    private static Map<String, String> guideBlocks() throws Exception {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = INI_BLOCK.matcher(Files.readString(GUIDE));
        while (m.find()) blocks.put(m.group(1).lines().findFirst().orElseThrow(), m.group(1));
        return blocks;
    }

    /** Replaces section {@code header} of an ini text (up to the next section) with {@code block}. */
    private static String replaceSection(String ini, String header, String block) {
        int start = ini.indexOf(header);
        assertTrue(start >= 0, header + " is in the shipped file");
        int end = ini.indexOf("\n[", start + header.length());
        return ini.substring(0, start) + block + (end < 0 ? "" : ini.substring(end + 1));
    }

    @Test
    void theGuidesStepsRunTheExampleInTheChain() throws Exception {
        Map<String, String> blocks = guideBlocks();
        Path main = ChainFixture.copyShippedEtc(home);
        Path etc = main.getParent();

        // step 3: the engine section; step 4: perfdata's next
        Path engines = etc.resolve("amqp2engines.conf");
        String a2e = replaceSection(Files.readString(engines), "[engine:perfdata]", blocks.get("[engine:perfdata]"));
        Files.writeString(engines, a2e + "\n" + blocks.get("[engine:severity]").replace("beat_interval=60", "beat_interval=1"));
        // step 5: the program; step 6: the programs line
        Files.writeString(etc.resolve("engines/severity.ini"), blocks.get("[program:engine-severity]"));
        Path group = etc.resolve("supervisord.d/amqp2engines.conf");
        Files.writeString(group, replaceSection(Files.readString(group), "[group:amqp2engines]", blocks.get("[group:amqp2engines]")));

        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Daemon daemon = ChainFixture.start(main, home, uri);
             Connection connection = factory.newConnection("severity-test");
             EventPublisher publisher = new EventPublisher(connection, "canopsis.events", 10)) {
            assertTrue(daemon.supervisor().allProcessInfo().stream().map(ProcessInfo::name).anyMatch("engine-severity-0"::equals));
            publisher.publish(ChainFixture.event("""
                    {"connector": "nagios", "connector_name": "nagios-test", "event_type": "check", "source_type": "resource",
                     "component": "web-01", "resource": "HTTP", "state": 2, "perf_data": "time=3.2s;1;2;0;10"}"""));
            publisher.publish(ChainFixture.event("""
                    {"connector": "syslog", "connector_name": "rsyslog-01", "event_type": "log", "source_type": "component",
                     "component": "web-02", "output": "kernel: eth0: link up"}"""));
            assertTrue(publisher.awaitConfirms(Duration.ofSeconds(10)));

            Path store = home.resolve("logs/eventstore.jsonl");
            await().atMost(Duration.ofSeconds(30)).until(() -> ChainFixture.lines(store).stream()
                    .anyMatch(e -> e.path("connector").asText().equals("orchestrator")));
            Map<String, ObjectNode> byComponent = ChainFixture.lines(store).stream()
                    .collect(Collectors.toMap(e -> e.get("component").asText() + "/" + e.path("resource").asText(), e -> e, (a, b) -> a));
            assertEquals("major", byComponent.get("web-01/HTTP").get("severity").asText(), "the event task, after perfdata");
            assertTrue(byComponent.get("web-01/HTTP").get("perf_data_array").toString().contains("cps_state"));
            assertTrue(!byComponent.get("web-02/").has("severity"), "logs are left alone");
            ObjectNode heartbeat = byComponent.get("orchestrator/heartbeat-severity-0");
            assertEquals("severity", heartbeat.get("connector_name").asText(), "the beat task's heartbeat went through the chain");
            assertEquals("ok", heartbeat.get("severity").asText());

            List<String> log = new ArrayList<>(Files.readAllLines(home.resolve("logs/severity.log")));
            assertTrue(log.stream().anyMatch(line -> line.contains("INFO")), "the engine's log file: " + log);
        }
    }
}
