package dev.orchestrator.api;

import java.util.Optional;
import java.util.SortedSet;

/** Tasks and engine types by name. Registering a name twice is an error. */
public interface TaskRegistry {

    void register(String name, EventTask task);

    void register(String name, BeatTask task);

    void registerEngineType(String name, EngineType type);

    /** Registers every {@link Task}-annotated static method of {@code type}. */
    void registerAnnotated(Class<?> type);

    /**
     * The event task registered as {@code name}; empty when there is none.
     *
     * @throws IllegalArgumentException when it may exist but cannot be used (its plugin jar could not be loaded),
     *         saying why
     */
    Optional<EventTask> eventTask(String name);

    /** The beat task registered as {@code name}, as {@link #eventTask}. */
    Optional<BeatTask> beatTask(String name);

    /**
     * The engine type registered as {@code name}, or the class of that name implementing EngineType; empty when
     * there is neither.
     *
     * @throws IllegalArgumentException when such a class exists but cannot be used, saying why
     */
    Optional<EngineType> engineType(String name);

    SortedSet<String> eventTaskNames();

    SortedSet<String> beatTaskNames();

    SortedSet<String> engineTypeNames();
}
