package dev.orchestrator.engines.filter;

import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.cases;
import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.RoutingKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity suite's event_filter cases (resources/fidelity/event_filter.json): event_filter.py's beat() over the
 * records, work() per event (the queues each event went to), then send_stat_event(). The original also published a
 * statistics event at start (pre_run calls beat); here the first comes with the first beat, so the comparison
 * leaves that first one out. The host name and the clock are the recording's.
 */
class EventFilterFidelityTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HOST = "orchestrator-host";
    private static final long NOW = 1500000000L;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> eventFilter() throws Exception {
        JsonNode doc = load("event_filter");
        for (JsonNode c : doc.get("cases")) {
            for (String field : new String[] {"original", "ours"}) {
                if (c.has(field)) ((ArrayNode) c.get(field).get("published")).remove(0);
            }
        }
        return cases(doc, "name", c -> {
            try {
                Path rules = Files.createTempFile(dir, "rules", ".json");
                Files.writeString(rules, c.get("rules").toString());
                RecordingContext context = new RecordingContext("event_filter", Map.of("rules_file", rules.toString(),
                        "canopsis_version", "2016"), "tag");
                EventFilter filter = new EventFilter(context, () -> NOW);
                ObjectNode out = JSON.objectNode();
                ArrayNode events = out.putArray("events");
                for (JsonNode in : c.get("events")) {
                    context.published().clear();
                    ObjectNode event = in.deepCopy();
                    ObjectNode result = filter.onEvent(event);
                    if (result == EventTask.DROP && context.published().isEmpty()) {
                        events.add("DROP");
                    } else {
                        String queue = context.published().isEmpty() ? "Engine_tag" : context.published().get(0).routingKey();
                        events.addObject().set("event", event);
                        ((ObjectNode) events.get(events.size() - 1)).putArray("queues").add(queue);
                    }
                }
                ObjectNode stats = filter.statistics().put("component", HOST);
                out.putArray("published").addObject().put("exchange", "canopsis.events").put("rk", RoutingKeys.of(stats))
                        .set("event", stats);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
