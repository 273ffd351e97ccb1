package dev.orchestrator.engines.canopsis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.feed.EventPublisher;
import dev.orchestrator.feed.SampleEvents;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Canopsis 2016 etc/ (orchestrator's test resources, canopsis-2016) taken over as it is, as an operator
 * would: a stand-in for the original {@code engine-launcher} on PATH (a Python script with pika: it reads -n,
 * consumes Engine_NAME and publishes to its next queues), {@code orchestrator -c etc/supervisord.conf check} says
 * which programs run as threads and which as processes and exits 0, the daemon starts, {@code start all} brings the
 * 23 programs to RUNNING, events fed to canopsis.events pass through Java and process engines to the end of the
 * chain on the real RabbitMQ (its own vhost), and stop, restart, kill -9 of a child and shutdown behave as under
 * supervisord.
 */
class Canopsis2016TakeoverTest {

    private static final Path LAUNCHER = Path.of("../orchestrator/bin/orchestrator").toAbsolutePath().normalize();
    private static final Path ETC = Path.of("../orchestrator/src/test/resources/canopsis-2016/etc").toAbsolutePath()
            .normalize();
    private static final int EVENTS = 200;
    /** The engines at the end of the chain that run as the original (the stand-in records what they see). */
    private static final List<String> ENDS = List.of("context", "topology", "linklist", "alerts", "eventstore");

    @TempDir
    Path home;

    private TestBroker broker;
    private Path config;

    record Run(int status, String out) {}

    @BeforeEach
    void setUp() throws IOException {
        broker = TestBrokers.rabbitVhost();
        try (Stream<Path> files = Files.walk(ETC)) {
            for (Path f : files.toList()) {
                Path to = home.resolve("etc").resolve(ETC.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        String vhost = broker.uri().substring(broker.uri().lastIndexOf('/') + 1);
        Files.writeString(home.resolve("etc/amqp.conf"), String.join("\n", "[master]", "host=127.0.0.1",
                "port=5672", "userid=guest", "password=guest", "virtual_host=" + java.net.URLDecoder.decode(vhost,
                        java.nio.charset.StandardCharsets.UTF_8), "exchange_name=canopsis", ""));
        for (String dir : List.of("var/log/engines", "var/run", "tmp", "bin")) Files.createDirectories(home.resolve(dir));
        Path standIn = home.resolve("bin/engine-launcher");
        try (var in = getClass().getResourceAsStream("/canopsis/engine-launcher")) {
            Files.copy(in, standIn, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = home.resolve("etc/supervisord.conf");
    }

    @AfterEach
    void tearDown() throws Exception {
        Path pidfile = home.resolve("var/run/supervisord.pid");
        if (Files.exists(pidfile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidfile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
        standIns().forEach(ProcessHandle::destroyForcibly);
        broker.close();
    }

    private Run orchestrator(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "-c", config.toString()));
        command.addAll(List.of(args));
        Path out = home.resolve("cli.out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "orchestrator " + String.join(" ", args) + " ended");
        return new Run(p.exitValue(), Files.readString(out));
    }

    /** The stand-in engine processes still alive (their command line names this test's home). */
    private List<ProcessHandle> standIns() {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(List::of).orElse(List.of())
                .stream().anyMatch(a -> a.startsWith(home.resolve("bin").toString()))).toList();
    }

    private JsonNode status() throws Exception {
        Run r = orchestrator("status", "--json");
        return new ObjectMapper().readTree(r.out()).get("processes");
    }

    private Set<String> seen(String engine) {
        Path file = home.resolve("var/standin/" + engine + "-0.seen");
        try {
            return Files.exists(file) ? new HashSet<>(Files.readAllLines(file)) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void takesOverTheInstallationAsItIs() throws Exception {
        Run check = orchestrator("check");
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().contains("program engine-cleaner-events (priority 999): thread, the Java engine"
                + " type cleaner"), check.out());
        assertTrue(check.out().contains("program engine-acknowledgement (priority 999): process, engine type"
                + " 'acknowledgement' has no Java implementation"), check.out());
        assertTrue(check.out().contains("program engine-eventstore (priority 999): process, [engine:eventstore]"
                + " has no 'path'"), check.out());
        assertTrue(check.out().matches("(?s).*programs by way: \\d+ process, \\d+ thread\\n"), check.out());

        assertEquals(0, orchestrator("start", "-d").status());
        Run start = orchestrator("start", "all");
        assertEquals(0, start.status(), start.out());
        JsonNode processes = status();
        assertEquals(23, processes.size());
        for (JsonNode p : processes) assertEquals("RUNNING", p.get("state").asText(), p.toString());

        try (Connection c = connect(); EventPublisher publisher = new EventPublisher(c, "canopsis.events", 100)) {
            SampleEvents sample = new SampleEvents(11);
            for (int i = 0; i < EVENTS; i++) {
                ObjectNode event = sample.next();
                event.put("id", "e" + i);
                publisher.publish(event);
            }
            assertTrue(publisher.awaitConfirms(Duration.ofSeconds(30)));
        }
        Set<String> ids = Stream.iterate(0, i -> i + 1).limit(EVENTS).map(i -> "e" + i).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String end : ENDS) assertTrue(seen(end).containsAll(ids), end + " saw " + seen(end).size());
        });

        JsonNode alerts = find(status(), "amqp2engines:engine-alerts-0");
        assertEquals("process", alerts.get("runs_as").asText());
        long pid = alerts.get("pid").asLong();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode again = find(status(), "amqp2engines:engine-alerts-0");
            return again.get("state").asText().equals("RUNNING") && again.get("pid").asLong() != pid;
        });

        assertEquals(new Run(0, "amqp2engines:engine-ticket-0: stopped\n"),
                orchestrator("stop", "amqp2engines:engine-ticket-0"));
        Run restart = orchestrator("restart", "engine-cancel");
        assertEquals(0, restart.status(), restart.out());
        assertEquals(List.of("amqp2engines:engine-cancel-0: stopped", "amqp2engines:engine-cancel-0: started"),
                restart.out().lines().toList());

        assertEquals(0, orchestrator("shutdown").status());
        await().atMost(Duration.ofSeconds(20)).until(() -> standIns().isEmpty());
    }

    private Connection connect() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(broker.uri());
        return f.newConnection("takeover-test");
    }

    private static JsonNode find(JsonNode processes, String name) {
        for (JsonNode p : processes) if (p.get("name").asText().equals(name)) return p;
        throw new AssertionError("no process " + name + " in " + processes);
    }
}
