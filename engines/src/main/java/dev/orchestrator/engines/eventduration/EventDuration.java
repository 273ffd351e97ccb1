package dev.orchestrator.engines.eventduration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import java.util.Iterator;

/**
 * The {@code eventduration} engine type: Canopsis' eventduration. Each event's age is the time from its earliest
 * stamp to now: the {@code processing} times (seconds) engines recorded in it, else its {@code timestamp}. Every beat
 * with events publishes their minimum, maximum and average to {@code canopsis.events} as the perf event Canopsis sent
 * (metrics {@code cps_evt_duration_min|max|avg}, component {@code __canopsis__}). Events go on to {@code next}.
 */
public final class EventDuration implements Engine {

    public static final String TYPE = "eventduration";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EngineContext context;
    private long count;
    private double min;
    private double max;
    private double sum;

    public EventDuration(EngineContext context) {
        this.context = context;
    }

    @Override
    public ObjectNode onEvent(ObjectNode event) {
        double now = System.currentTimeMillis() / 1000.0;
        double earliest = now;
        JsonNode processing = event.get("processing");
        if (processing != null && processing.isObject() && !processing.isEmpty()) {
            for (Iterator<JsonNode> stamps = processing.elements(); stamps.hasNext(); ) {
                JsonNode stamp = stamps.next();
                if (stamp.isNumber()) earliest = Math.min(earliest, stamp.doubleValue());
            }
        } else if (event.path("timestamp").isNumber()) {
            earliest = Math.min(earliest, event.get("timestamp").doubleValue());
        }
        double duration = now - earliest;
        min = count == 0 ? duration : Math.min(min, duration);
        max = count == 0 ? duration : Math.max(max, duration);
        sum += duration;
        count++;
        return null;
    }

    @Override
    public void onBeat() {
        if (count == 0) return;
        ObjectNode perf = NODES.objectNode()
                .put("connector", "Engine")
                .put("connector_name", TYPE)
                .put("event_type", "perf")
                .put("source_type", "component")
                .put("component", "__canopsis__");
        perf.putArray("perf_data_array").add(metric("min", min)).add(metric("max", max)).add(metric("avg", sum / count));
        context.publish(perf);
        count = 0;
        sum = 0;
    }

    private static ObjectNode metric(String name, double seconds) {
        return NODES.objectNode().put("metric", "cps_evt_duration_" + name).put("value", seconds).put("unit", "s").put("type", "GAUGE");
    }
}
