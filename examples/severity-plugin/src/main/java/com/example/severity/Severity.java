package com.example.severity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.Task;
import dev.orchestrator.api.TaskLibrary;
import java.util.Map;
import org.apache.logging.log4j.Logger;

/**
 * The example of docs/writing-an-engine.md: two tasks for the {@code dynamic} engine, registered by this
 * {@link TaskLibrary} (its line in META-INF/services/dev.orchestrator.api.TaskLibrary) under their default names
 * {@code com.example.severity.Severity.eventProcessing} and {@code ...Severity.beatProcessing}.
 * <ul>
 * <li>the event task writes a check's severity ({@code ok}, {@code minor}, {@code major}, {@code critical} or
 * {@code unknown}) into the field its {@code field} parameter names (default {@code severity}), and drops the checks
 * whose state is below its {@code min_state} parameter (default 0: none);</li>
 * <li>the beat task publishes a heartbeat check of the engine's worker to {@code canopsis.events}.</li>
 * </ul>
 */
public final class Severity implements TaskLibrary {

    private static final String[] NAMES = {"ok", "minor", "major", "critical"};

    @Task
    public static ObjectNode eventProcessing(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
        if (!"check".equals(event.path("event_type").asText())) return null;
        int state = event.path("state").asInt(3);
        if (state < engine.parameters().integer("min_state", 0)) {
            logger.debug("{}: state {} is below min_state, dropped", engine.eventRoutingKey(), state);
            return EventTask.DROP;
        }
        event.put(engine.parameters().string("field", "severity"), state >= 0 && state < NAMES.length ? NAMES[state] : "unknown");
        return null;
    }

    @Task
    public static void beatProcessing(EngineContext engine, Logger logger, Map<String, String> params) {
        ObjectNode heartbeat = JsonNodeFactory.instance.objectNode()
                .put("connector", "orchestrator")
                .put("connector_name", engine.name())
                .put("event_type", "check")
                .put("source_type", "resource")
                .put("component", "orchestrator")
                .put("resource", "heartbeat-" + engine.name() + "-" + engine.worker())
                .put("state", 0)
                .put("state_type", 1)
                .put("output", "alive");
        engine.publish(heartbeat);
        logger.debug("heartbeat published");
    }
}
