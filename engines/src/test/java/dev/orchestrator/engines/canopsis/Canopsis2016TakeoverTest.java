package dev.orchestrator.engines.canopsis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.feed.EventPublisher;
import dev.orchestrator.feed.SampleEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private static final int EVENTS = 200;
    /** The engines at the end of the chain that run as the original (the stand-in records what they see). */
    private static final List<String> ENDS = List.of("context", "topology", "linklist", "alerts", "eventstore");

    @TempDir
    Path home;

    private CanopsisHome canopsis;

    @BeforeEach
    void setUp() throws IOException {
        canopsis = new CanopsisHome(home);
    }

    @AfterEach
    void tearDown() throws IOException {
        canopsis.close();
    }

    private CanopsisHome.Run orchestrator(String... args) throws Exception {
        return canopsis.orchestrator(args);
    }

    private List<ProcessHandle> standIns() {
        return canopsis.standIns();
    }

    private JsonNode status() throws Exception {
        CanopsisHome.Run r = orchestrator("status", "--json");
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
        CanopsisHome.Run check = orchestrator("check");
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().contains("program engine-cleaner-events (priority 999): thread, the Java engine"
                + " type cleaner"), check.out());
        assertTrue(check.out().contains("program engine-acknowledgement (priority 999): process, engine type"
                + " 'acknowledgement' has no Java implementation"), check.out());
        assertTrue(check.out().contains("program engine-eventstore (priority 999): process, [engine:eventstore]"
                + " has no 'path'"), check.out());
        assertTrue(check.out().matches("(?s).*programs by way: \\d+ process, \\d+ thread\\n"), check.out());

        assertEquals(0, orchestrator("start", "-d").status());
        CanopsisHome.Run start = orchestrator("start", "all");
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

        assertEquals(new CanopsisHome.Run(0, "amqp2engines:engine-ticket-0: stopped\n"),
                orchestrator("stop", "amqp2engines:engine-ticket-0"));
        CanopsisHome.Run restart = orchestrator("restart", "engine-cancel");
        assertEquals(0, restart.status(), restart.out());
        assertEquals(List.of("amqp2engines:engine-cancel-0: stopped", "amqp2engines:engine-cancel-0: started"),
                restart.out().lines().toList());

        assertEquals(0, orchestrator("shutdown").status());
        await().atMost(Duration.ofSeconds(20)).until(() -> standIns().isEmpty());
    }

    private Connection connect() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(canopsis.broker.uri());
        return f.newConnection("takeover-test");
    }

    private static JsonNode find(JsonNode processes, String name) {
        for (JsonNode p : processes) if (p.get("name").asText().equals(name)) return p;
        throw new AssertionError("no process " + name + " in " + processes);
    }
}
