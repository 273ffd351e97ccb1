package dev.orchestrator.cli;

import dev.orchestrator.api.TaskRegistry;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tasks}: the engine types and tasks that the classpath and the plugins directory register. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = {"List the registered engine types (for -e) and tasks (for event_processing and"
        + " beat_processing), from the classpath and the plugin jars.", "Exit status: 0, or 2 when a library cannot be loaded."})
final class TasksCommand implements Callable<Integer> {

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        TaskRegistry registry;
        try {
            registry = plugins.discover();
        } catch (IllegalStateException e) {
            System.err.println("tasks: " + e.getMessage());
            return 2;
        }
        list("engine types", registry.engineTypeNames());
        list("event tasks (event_processing)", registry.eventTaskNames());
        list("beat tasks (beat_processing)", registry.beatTaskNames());
        return 0;
    }

    private static void list(String title, Set<String> names) {
        System.out.println(title + ":");
        if (names.isEmpty()) {
            System.out.println("  (none)");
        }
        names.forEach(name -> System.out.println("  " + name));
    }
}
