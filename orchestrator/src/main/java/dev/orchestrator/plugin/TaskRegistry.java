package dev.orchestrator.plugin;

import dev.orchestrator.api.BeatTask;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.Task;

import java.util.Optional;
import java.util.SortedSet;

/** Tasks and engine types by name. Registering a name twice is an error. */
public interface TaskRegistry {

    void register(String name, EventTask task);

    void register(String name, BeatTask task);

    void registerEngineType(String name, EngineType type);

    /** Registers every {@link Task}-annotated static method of {@code type}. */
    void registerAnnotated(Class<?> type);

    Optional<EventTask> eventTask(String name);

    Optional<BeatTask> beatTask(String name);

    Optional<EngineType> engineType(String name);

    SortedSet<String> eventTaskNames();

    SortedSet<String> beatTaskNames();

    SortedSet<String> engineTypeNames();
}
