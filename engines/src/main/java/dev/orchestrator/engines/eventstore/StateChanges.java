package dev.orchestrator.engines.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.HashMap;
import java.util.Map;

/**
 * The state-change fields of Canopsis' archiver ({@code check/archiver.py} {@code process_an_event}), from the
 * checks this worker has seen instead of the events collection: the first check of a routing key gets
 * {@code last_state_change} = its timestamp (and {@code ts_first_stealthy} 0); a later one keeps the previous
 * {@code last_state_change}, gets {@code previous_state} when its state changed, and when its state or state type
 * changed, {@code previous_state_change_ts} (on a return to 0 or a first alert) and a new {@code last_state_change}.
 * One small record per routing key, as the collection held one document.
 */
final class StateChanges {

    private record Previous(JsonNode state, JsonNode stateType, JsonNode lastStateChange) { }

    private final Map<String, Previous> seen = new HashMap<>();

    /** Sets the fields on {@code check} (routing key {@code rk}) and remembers it. */
    void apply(String rk, ObjectNode check) {
        JsonNode state = check.path("state");
        JsonNode stateType = check.path("state_type");
        JsonNode timestamp = check.get("timestamp");
        Previous previous = seen.get(rk);
        boolean changed;
        boolean fromOk;
        if (previous == null) {
            check.put("ts_first_stealthy", 0);
            changed = true;
            fromOk = false;
        } else {
            check.set("last_state_change", previous.lastStateChange() != null ? previous.lastStateChange() : timestamp);
            if (!state.equals(previous.state())) check.set("previous_state", previous.state());
            changed = !state.equals(previous.state()) || !stateType.equals(previous.stateType());
            fromOk = !Python.truthy(previous.state());
        }
        if (changed) {
            boolean toOk = !Python.truthy(state);
            if (check.has("last_state_change") && (toOk || (previous != null && fromOk))) {
                check.set("previous_state_change_ts", check.get("last_state_change"));
            }
            check.set("last_state_change", timestamp);
        }
        seen.put(rk, new Previous(state.deepCopy(), stateType.deepCopy(), check.get("last_state_change")));
    }
}
