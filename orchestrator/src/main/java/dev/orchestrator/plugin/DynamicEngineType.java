package dev.orchestrator.plugin;

import dev.orchestrator.api.BeatTask;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.TaskRegistry;
import dev.orchestrator.config.NearestNames;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Canopsis' {@code dynamic} engine: its {@code event_processing} and {@code beat_processing} keys name registered
 * tasks (identity and no-op when absent). Unlike the original, an unknown name is an error, not a silent
 * pass-through. The section's other keys are passed to both tasks as their parameters.
 */
public final class DynamicEngineType implements EngineType {

    public static final String NAME = "dynamic";

    private final TaskRegistry registry;

    public DynamicEngineType(TaskRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Engine create(EngineContext context) {
        String eventName = context.eventProcessing();
        String beatName = context.beatProcessing();
        EventTask eventTask = eventName == null ? EventTask.IDENTITY
                : registry.eventTask(eventName).orElseThrow(() -> new IllegalArgumentException(
                        NearestNames.unknownMessage("task", eventName,
                                "for event_processing of engine " + context.name(), registry.eventTaskNames())));
        BeatTask beatTask = beatName == null ? BeatTask.NOOP
                : registry.beatTask(beatName).orElseThrow(() -> new IllegalArgumentException(
                        NearestNames.unknownMessage("task", beatName,
                                "for beat_processing of engine " + context.name(), registry.beatTaskNames())));
        return new Engine() {
            @Override
            public ObjectNode onEvent(ObjectNode event) throws Exception {
                return eventTask.process(context, event, context.logger(), context.params());
            }

            @Override
            public void onBeat() throws Exception {
                beatTask.beat(context, context.logger(), context.params());
            }
        };
    }
}
