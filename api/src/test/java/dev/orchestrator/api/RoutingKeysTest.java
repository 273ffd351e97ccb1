package dev.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RoutingKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode event(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void resourceEventKeyEndsWithTheResource() throws Exception {
        ObjectNode e = event("""
                {"connector":"keyboard","connector_name":"cherry","event_type":"keypress",
                 "source_type":"resource","component":"mx","resource":"brown"}""");
        assertEquals("keyboard.cherry.keypress.resource.mx.brown", RoutingKeys.of(e));
    }

    @Test
    void emptyOrMissingResourceIsLeftOut() throws Exception {
        assertEquals("nagios.prod.check.component.web1", RoutingKeys.of(event("""
                {"connector":"nagios","connector_name":"prod","event_type":"check","source_type":"component",
                 "component":"web1","resource":""}""")));
        assertEquals("nagios.prod.check.component.42", RoutingKeys.of(event("""
                {"connector":"nagios","connector_name":"prod","event_type":"check","source_type":"component",
                 "component":42}""")));
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoutingKeys.of(event("{}")));
        assertEquals("event has no 'connector' to build its routing key from", e.getMessage());
    }
}
