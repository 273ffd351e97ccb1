package dev.orchestrator.engines;

import dev.orchestrator.engines.eventduration.EventDuration;
import dev.orchestrator.engines.eventstore.EventStore;
import dev.orchestrator.engines.filter.EventFilter;
import dev.orchestrator.engines.perfdata.Perfdata;
import dev.orchestrator.engines.tag.Tagger;
import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.plugin.TaskRegistry;

/**
 * The built-in engines of Canopsis' chain: the {@code event_filter}, {@code tag}, {@code eventstore} and
 * {@code eventduration} engine types and the perfdata task {@code canopsis.perfdata.process.event_processing} (for
 * the dynamic engine).
 */
public final class BuiltinEngines implements TaskLibrary {

    @Override
    public void register(TaskRegistry registry) {
        registry.registerEngineType(EventFilter.TYPE, EventFilter::new);
        registry.registerEngineType(Tagger.TYPE, context -> new Tagger());
        registry.registerEngineType(EventStore.TYPE, EventStore::new);
        registry.registerEngineType(EventDuration.TYPE, EventDuration::new);
        registry.register(Perfdata.TASK, Perfdata::eventProcessing);
    }
}
