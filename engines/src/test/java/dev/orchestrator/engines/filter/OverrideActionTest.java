package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Canopsis' OverrideTest (nine {@code a_override} cases), ported. Where Canopsis' a_override returned False at run
 * time (a None field or value, an unsupported operation), the rule is rejected when the file is read, so the event
 * is never touched.
 */
class OverrideActionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "{\"connector\": \"\", \"connector_name\": \"\", \"event_type\": \"\", \"source_type\": \"\", \"component\": \"\"}";

    private static ObjectNode event(String perimeter) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(BASE);
        if (perimeter != null) event.set("perimeter", JSON.readTree(perimeter));
        return event;
    }

    private static Action action(String json) throws Exception {
        return Action.parse(JSON.readTree(json));
    }

    private static void assertOverride(String action, String before, String after) throws Exception {
        ObjectNode event = event(before);
        action(action).apply(event, new Action.Outcome(), "test");
        assertEquals(event(after), event);
    }

    private static String rejection(String json) {
        return assertThrows(IllegalArgumentException.class, () -> action(json)).getMessage();
    }

    @Test
    void fieldNone() {
        assertEquals("override needs a 'field' name and a non-null 'value'",
                rejection("{\"type\": \"override\", \"field\": null, \"value\": \"value\"}"));
    }

    @Test
    void valueNone() {
        assertEquals("override needs a 'field' name and a non-null 'value'",
                rejection("{\"type\": \"override\", \"field\": \"field\", \"value\": null}"));
    }

    @Test
    void fieldNotInEvent() throws Exception {
        ObjectNode event = event(null);
        action("{\"type\": \"override\", \"field\": \"field\", \"value\": \"value\"}").apply(event, new Action.Outcome(), "test");
        ObjectNode expected = event(null);
        expected.put("field", "value");
        assertEquals(expected, event);
    }

    @Test
    void scalarValueIsAppendedToAListField() throws Exception {
        assertOverride("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": \"p1\"}", "[\"px\", \"py\"]", "[\"px\", \"py\", \"p1\"]");
    }

    @Test
    void scalarValueReplacesAScalarField() throws Exception {
        assertOverride("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": \"p1\"}", "\"px\"", "\"p1\"");
    }

    @Test
    void listValueWithOverrideOperationReplaces() throws Exception {
        String action = "{\"type\": \"override\", \"field\": \"perimeter\", \"value\": [\"p1\", \"p2\"], \"operation\": \"override\"}";
        assertOverride(action, "\"px\"", "[\"p1\", \"p2\"]");
        assertOverride(action, "[\"px\", \"py\"]", "[\"p1\", \"p2\"]");
    }

    @Test
    void listValueWithAppendOperationConcatenates() throws Exception {
        String action = "{\"type\": \"override\", \"field\": \"perimeter\", \"value\": [\"p1\", \"p2\"], \"operation\": \"append\"}";
        assertOverride(action, "\"px\"", "[\"px\", \"p1\", \"p2\"]");
        assertOverride(action, "[\"px\", \"py\"]", "[\"px\", \"py\", \"p1\", \"p2\"]");
    }

    @Test
    void listValueDefaultOperationIsAppend() throws Exception {
        String action = "{\"type\": \"override\", \"field\": \"perimeter\", \"value\": [\"p1\", \"p2\"]}";
        assertOverride(action, "\"px\"", "[\"px\", \"p1\", \"p2\"]");
        assertOverride(action, "[\"px\", \"py\"]", "[\"px\", \"py\", \"p1\", \"p2\"]");
    }

    @Test
    void listValueUnsupportedOperation() {
        assertEquals("override operation 'unsupported_op' is not supported (append, override)",
                rejection("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": [\"p1\", \"p2\"], \"operation\": \"unsupported_op\"}"));
    }

    @Test
    void falsyValuesAreValues() throws Exception {
        assertOverride("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": 0}", "\"px\"", "0");
        assertOverride("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": false}", "\"px\"", "false");
    }

    @Test
    void theRuleValueIsNeverSharedWithEvents() throws Exception {
        Action action = action("{\"type\": \"override\", \"field\": \"perimeter\", \"value\": [\"p1\"], \"operation\": \"override\"}");
        ObjectNode first = event(null);
        action.apply(first, new Action.Outcome(), "test");
        ((ArrayNode) first.get("perimeter")).add("changed");
        ObjectNode second = event(null);
        action.apply(second, new Action.Outcome(), "test");
        assertEquals(event("[\"p1\"]"), second);
    }
}
