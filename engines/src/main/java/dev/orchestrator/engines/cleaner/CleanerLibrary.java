package dev.orchestrator.engines.cleaner;

import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.api.TaskRegistry;

/** Registers the {@code cleaner} engine type. */
public final class CleanerLibrary implements TaskLibrary {

    @Override
    public void register(TaskRegistry registry) {
        registry.registerEngineType(CleanerEngineType.NAME, new CleanerEngineType());
    }
}
