package dev.orchestrator.engines.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TaggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode tagged(String event) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(event);
        assertNull(new Tagger().onEvent(node), "the event is forwarded as it now is");
        return node;
    }

    @Test
    void appendsTheFiveAutomaticTagsInCanopsisOrder() throws Exception {
        ObjectNode event = tagged("""
                {"connector": "nagios", "connector_name": "prod", "event_type": "check", "source_type": "resource",
                 "component": "web1", "resource": "disk", "tags": ["mine"]}""");
        assertEquals(JSON.readTree("[\"mine\", \"prod\", \"check\", \"resource\", \"web1\", \"disk\"]"), event.get("tags"));
    }

    @Test
    void noDuplicatesNoEmptyValuesAndTagsCreatedWhenMissing() throws Exception {
        ObjectNode event = tagged("""
                {"connector_name": "check", "event_type": "check", "source_type": "component", "component": "", "resource": null}""");
        assertEquals(JSON.readTree("[\"check\", \"component\"]"), event.get("tags"));
    }

    @Test
    void taggingTwiceChangesNothing() throws Exception {
        ObjectNode event = tagged("{\"connector_name\": \"a\", \"event_type\": \"log\", \"source_type\": \"component\", \"component\": \"b\", \"tags\": \"x\"}");
        String once = event.toString();
        new Tagger().onEvent(event);
        assertEquals(once, event.toString());
        assertEquals(JSON.readTree("[\"x\", \"a\", \"log\", \"component\", \"b\"]"), event.get("tags"));
    }
}
