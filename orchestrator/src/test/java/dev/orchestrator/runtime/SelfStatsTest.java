package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.RoutingKeys;
import org.junit.jupiter.api.Test;

/** Canopsis' cps_* self-statistics, at most once a minute, with the real rate. */
class SelfStatsTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void dueOnceAMinuteWhenEventsWereProcessedWithRealRates() {
        SelfStats stats = new SelfStats("cleaner_events", 0);
        assertNull(stats.due(MINUTE - 1, 100, 1_000_000_000L));
        ObjectNode event = stats.due(2 * MINUTE, 1200, 6_000_000_000L);
        assertEquals("10.00 evt/sec, 0.00500 sec/evt", event.get("output").asText());
        assertEquals(10.0, event.get("perf_data_array").get(0).get("value").asDouble());
        assertEquals(0.005, event.get("perf_data_array").get(1).get("value").asDouble());
        assertEquals(0, event.get("state").intValue());
        assertNull(stats.due(2 * MINUTE + MINUTE / 2, 1300, 7_000_000_000L));
        assertNull(stats.due(3 * MINUTE, 1200 + 0, 6_000_000_000L), "no events in that minute: no statistics");
    }

    @Test
    void canopsisShapeAndThresholds() {
        ObjectNode event = new SelfStats("alerts", 0).event(1.5, 0.95, 1_700_000_000L);
        assertEquals("Engine", event.get("connector").asText());
        assertEquals("engine", event.get("connector_name").asText());
        assertEquals("check", event.get("event_type").asText());
        assertEquals("resource", event.get("source_type").asText());
        assertEquals("Engine_alerts", event.get("resource").asText());
        assertEquals(2, event.get("state").intValue());
        assertEquals(1, event.get("state_type").intValue());
        assertEquals("{\"retention\":3600,\"metric\":\"cps_sec_per_evt\",\"value\":0.95,\"unit\":\"s\",\"warn\":0.6,\"crit\":0.9}",
                event.get("perf_data_array").get(1).toString());
        assertEquals("Engine.engine.check.resource." + event.get("component").asText() + ".Engine_alerts",
                RoutingKeys.of(event));
        assertEquals(1, new SelfStats("x", 0).event(1, 0.7, 0).get("state").intValue());
    }
}
