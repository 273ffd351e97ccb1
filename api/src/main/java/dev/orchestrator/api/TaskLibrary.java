package dev.orchestrator.api;


/**
 * A set of tasks and engine types, found by {@link java.util.ServiceLoader} on the classpath and in the jars of
 * the plugins directory (list the class in {@code META-INF/services/dev.orchestrator.api.TaskLibrary}).
 * The default registers every {@link Task}-annotated static method of the class.
 */
public interface TaskLibrary {
    default void register(TaskRegistry registry) {
        registry.registerAnnotated(getClass());
    }
}
