package dev.orchestrator.engines;

import dev.orchestrator.engines.collectdgw.CollectdGateway;
import dev.orchestrator.engines.eventduration.EventDuration;
import dev.orchestrator.engines.eventstore.EventStore;
import dev.orchestrator.engines.filter.EventFilter;
import dev.orchestrator.engines.perfdata.Perfdata;
import dev.orchestrator.engines.tag.Tagger;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.api.TaskRegistry;
import java.util.Map;

/**
 * The built-in engines of Canopsis' chain: the {@code event_filter}, {@code tag}, {@code eventstore},
 * {@code eventduration} and {@code collectdgw} engine types and the perfdata task
 * {@code canopsis.perfdata.process.event_processing} (for the dynamic engine).
 */
public final class BuiltinEngines implements TaskLibrary {

    @Override
    public void register(TaskRegistry registry) {
        registry.registerEngineType(EventFilter.TYPE, EngineType.declaring(EventFilter::new, Map.of(),
                Map.of("rules_file", "no rules: every event gets the default action (default_action, pass)")));
        registry.registerEngineType(Tagger.TYPE, context -> new Tagger());
        registry.registerEngineType(EventStore.TYPE, EngineType.declaring(EventStore::new,
                Map.of("path", "the file events are stored in (the original wrote to MongoDB)"), Map.of()));
        registry.registerEngineType(EventDuration.TYPE, EventDuration::new);
        registry.registerEngineType(CollectdGateway.TYPE, CollectdGateway.ENGINE_TYPE);
        registry.register(Perfdata.TASK, Perfdata::eventProcessing);
    }
}
