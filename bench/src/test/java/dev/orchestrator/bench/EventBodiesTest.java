package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodiesAreCanopsisEventsOfExactlyTheSizeWithTheirSendTime() throws Exception {
        EventBodies bodies = new EventBodies(1024);
        for (int i = 0; i < 100; i++) {
            long now = System.nanoTime();
            byte[] body = bodies.next(now);
            assertEquals(1024, body.length);
            JsonNode event = JSON.readTree(body);
            assertNotEquals(null, event.get("connector"));
            assertEquals(now, EventBodies.stamp(body));
            assertEquals(now, Long.parseLong(event.get(EventBodies.STAMP_FIELD).asText()));
        }
    }

    @Test
    void theStampSurvivesAReserialisationAsAnIdentityTaskDoesIt() throws Exception {
        byte[] body = new EventBodies(1024).next(42);
        byte[] forwarded = JSON.writeValueAsBytes(JSON.readTree(body));
        assertEquals(42, EventBodies.stamp(forwarded));
    }

    @Test
    void anEventWithoutAStampHasNone() {
        assertEquals(-1, EventBodies.stamp("{\"connector\":\"x\"}".getBytes()));
    }
}
