package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.testing.PipelineDaemon;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code queues}, {@code status --json}'s queues and {@code errors} (list, replay of chosen ids, replay of all) through
 * the real CLI against a real daemon on RabbitMQ: a chain alpha -> beta fed 30 JSON events and 3 bodies that are not
 * JSON (error-queued by alpha).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueuesAndErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TestBroker broker;
    private static PipelineDaemon chain;

    record Run(int status, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        broker = TestBrokers.rabbitVhost();
        chain = PipelineDaemon.start(dir, broker.uri(), "");
        List<String> bodies = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> bodies.add("{\"id\": " + i + "}"));
        bodies.addAll(List.of("not json 1", "not json 2", "[\"an array\"]"));
        chain.publish(bodies);
        await().atMost(Duration.ofSeconds(20)).until(() -> chain.depth("Engine_alpha.errors") == 3
                && chain.depth("Engine_alpha") == 0 && chain.depth("Engine_beta") == 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chain != null) chain.close();
        if (broker != null) broker.close();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> withConfig = new ArrayList<>(List.of(args[0], "-c", dir.resolve("supervisord.conf").toString()));
        withConfig.addAll(List.of(args).subList(1, args.length));
        return new Run(Main.run(withConfig.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err)),
                out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void queuesShowsEachEngineQueueWithItsConsumersAndTheErrorQueueCount() throws Exception {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Run table = run("queues");
            assertEquals(0, table.status(), table.err());
            List<String> lines = table.out().lines().toList();
            assertEquals(3, lines.size(), table.out());
            assertTrue(lines.get(0).startsWith("QUEUE"), lines.get(0));
            assertTrue(lines.get(1).matches("Engine_alpha\\s+0\\s+2\\s+\\d+\\.\\d\\s+3\\s+orchestrator errors alpha"),
                    lines.get(1));
            assertTrue(lines.get(2).matches("Engine_beta\\s+0\\s+1\\s+\\d+\\.\\d\\s+0\\s*"), lines.get(2));
        });
        JsonNode queues = JSON.readTree(run("queues", "--json").out()).get("queues");
        assertEquals("alpha", queues.get(0).get("engine").asText());
        assertEquals(3, queues.get(0).get("errors").asInt());
        assertEquals(2, queues.get(0).get("consumers").asInt());
        assertEquals("Engine_alpha.errors", queues.get(0).get("error_queue").asText());
    }

    @Test
    @Order(1)
    void statusJsonCarriesTheQueuesBesideTheProcesses() throws Exception {
        JsonNode status = JSON.readTree(run("status", "--json").out());
        assertEquals(3, status.get("processes").size());
        assertEquals(2, status.get("queues").size());
        assertEquals("Engine_beta", status.get("queues").get(1).get("queue").asText());
        JsonNode histogram = status.get("processes").get(2).get("counters").get("processing_histogram");
        assertEquals(30, histogram.get("+Inf").asLong(), "beta's events by processing time");
    }

    @Test
    @Order(2)
    void errorsListsTheEventsWithTheirReasonsAndLeavesThemInPlace() throws Exception {
        Run listed = run("errors", "alpha");
        assertEquals(0, listed.status(), listed.err());
        List<String> lines = listed.out().lines().toList();
        assertEquals(6, lines.size(), listed.out());
        assertTrue(lines.get(0).matches("[0-9a-f]{12}  \\d{4}-.*Z  worker [01]  .*: body is not .*"), lines.get(0));
        assertEquals(Set.of("    not json 1", "    not json 2", "    [\"an array\"]"),
                Set.of(lines.get(1), lines.get(3), lines.get(5)), "the bodies (two workers: in any order)");
        assertTrue(listed.out().contains(": body is not a JSON object but array\n"), listed.out());
        JsonNode json = JSON.readTree(run("errors", "alpha", "--json", "-n", "2").out());
        assertEquals(2, json.get("events").size());
        assertEquals(lines.get(0).substring(0, 12), json.get("events").get(0).get("id").asText(), "ids are stable");
        assertEquals(3, chain.depth("Engine_alpha.errors"), "listing takes nothing");
        assertEquals("beta: no events in the error queue", run("errors", "beta").out().strip());
    }

    @Test
    @Order(3)
    void replayOfChosenIdsMovesThemToTheEngineQueueWithoutTheFailureHeaders() throws Exception {
        chain.daemon().supervisor().stopProcess("chain", "engine-alpha-0", true);
        chain.daemon().supervisor().stopProcess("chain", "engine-alpha-1", true);
        JsonNode events = JSON.readTree(run("errors", "alpha", "--json").out()).get("events");
        String second = events.get(1).get("id").asText();
        Run replayed = run("errors", "alpha", "--replay", second, "000000000000");
        assertEquals(1, replayed.status(), replayed.out());
        assertEquals(List.of("000000000000: ERROR (no such event in alpha's error queue)", "alpha: replayed 1 event(s)"),
                replayed.out().lines().toList());
        assertEquals(2, chain.depth("Engine_alpha.errors"));
        assertEquals(1, chain.depth("Engine_alpha"));

        Run all = run("errors", "alpha", "--replay-all");
        assertEquals(0, all.status(), all.out());
        assertEquals("alpha: replayed 2 event(s)", all.out().strip());
        assertEquals(0, chain.depth("Engine_alpha.errors"));
        assertEquals(3, chain.depth("Engine_alpha"));
    }

    @Test
    @Order(4)
    void badRequestsAreOneLineErrors() {
        Run unknown = run("errors", "gamma");
        assertEquals(1, unknown.status());
        assertEquals("ERROR: INCORRECT_PARAMETERS: no such engine: gamma", unknown.out().strip());
        Run both = run("errors", "alpha", "--replay", "x", "--replay-all");
        assertEquals(1, both.status());
        assertTrue(both.err().startsWith("Error: --replay and --replay-all exclude each other"), both.err());
        Run limit = run("errors", "alpha", "-n", "0");
        assertEquals("ERROR: INCORRECT_PARAMETERS: limit must be between 1 and 1000: 0", limit.out().strip());
        Run stray = run("queues", "extra");
        assertEquals(1, stray.status());
    }
}
