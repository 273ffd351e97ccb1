package dev.orchestrator.engines.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * check/archiver.py process_an_event (2018 tree), run by hand on a sequence of checks of one routing key: the
 * fields it adds, with the events this worker has seen in place of the events collection.
 */
class StateChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StateChanges changes = new StateChanges();

    private String check(int state, int stateType, long timestamp) throws Exception {
        ObjectNode event = JSON.createObjectNode().put("state", state).put("state_type", stateType).put("timestamp", timestamp);
        changes.apply("rk", event);
        event.remove(java.util.List.of("state", "state_type", "timestamp"));
        return event.toString();
    }

    @Test
    void lastStateChangePreviousStateAndPreviousStateChangeTs() throws Exception {
        // no previous record: devent['state'] raises, ts_first_stealthy = 0, changed
        assertEquals("{\"ts_first_stealthy\":0,\"last_state_change\":100}", check(0, 1, 100));
        // same state: last_state_change kept from the record
        assertEquals("{\"last_state_change\":100}", check(0, 1, 110));
        // 0 -> 2: previous_state, previous_state_change_ts (state > 0 and old_state == 0), new last_state_change
        assertEquals("{\"last_state_change\":120,\"previous_state\":0,\"previous_state_change_ts\":100}", check(2, 1, 120));
        // 2 -> 1: changed, but neither a return to 0 nor a first alert: no previous_state_change_ts
        assertEquals("{\"last_state_change\":130,\"previous_state\":2}", check(1, 1, 130));
        // state type only: changed
        assertEquals("{\"last_state_change\":140}", check(1, 0, 140));
        // 1 -> 0: back to OK
        assertEquals("{\"last_state_change\":150,\"previous_state\":1,\"previous_state_change_ts\":140}", check(0, 0, 150));
    }
}
