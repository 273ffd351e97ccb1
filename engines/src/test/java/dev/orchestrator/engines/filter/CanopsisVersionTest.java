package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EventTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * canopsis_version: 2018's get_routingkey (sources/canopsis/canopsis/event/__init__.py, called first thing in
 * event_filter.py work) sets source_type from the presence of resource before the rules run; 2016's did not.
 */
class CanopsisVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode run(String version, String event) throws Exception {
        Path rules = dir.resolve("rules-" + version + ".json");
        Files.writeString(rules, """
                [{"crecord_type": "filter", "enable": true, "name": "resources", "mfilter": {"source_type": "resource"},
                  "actions": [{"type": "override", "field": "seen_as", "value": "resource"}, {"type": "pass"}]}]""");
        EventFilter filter = new EventFilter(new RecordingContext("event_filter",
                Map.of("rules_file", rules.toString(), "canopsis_version", version), "tag"));
        ObjectNode in = (ObjectNode) JSON.readTree(event);
        assertNotDropped(filter.onEvent(in));
        return in;
    }

    private static void assertNotDropped(ObjectNode result) {
        if (result == EventTask.DROP) throw new AssertionError("dropped");
        assertNull(result);
    }

    @Test
    void version2018SetsTheSourceTypeBeforeTheRulesAndTheRoutingKey() throws Exception {
        String withResource = "{\"connector\": \"c\", \"connector_name\": \"n\", \"event_type\": \"check\","
                + " \"source_type\": \"component\", \"component\": \"h\", \"resource\": \"r\"}";
        ObjectNode out = run("2018", withResource);
        assertEquals("resource", out.get("source_type").asText());
        assertEquals("resource", out.get("seen_as").asText());
        assertEquals("c.n.check.resource.h.r", out.get("_id").asText());
        ObjectNode without = run("2018", "{\"connector\": \"c\", \"connector_name\": \"n\", \"event_type\": \"check\","
                + " \"source_type\": \"resource\", \"component\": \"h\"}");
        assertEquals("c.n.check.component.h", without.get("rk").asText());

        ObjectNode as2016 = run("2016", withResource);
        assertEquals("c.n.check.component.h.r", as2016.get("rk").asText());
        assertSame(null, as2016.get("seen_as"));
    }
}
