package dev.orchestrator.engines.cleaner;

import dev.orchestrator.task.TaskLibrary;
import dev.orchestrator.task.TaskRegistry;

/** Registers the {@code cleaner} engine type. */
public final class CleanerLibrary implements TaskLibrary {

    @Override
    public void register(TaskRegistry registry) {
        registry.registerEngineType(CleanerEngineType.NAME, new CleanerEngineType());
    }
}
