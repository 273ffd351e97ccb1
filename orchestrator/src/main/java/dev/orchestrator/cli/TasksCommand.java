package dev.orchestrator.cli;

import dev.orchestrator.plugin.DefaultTaskRegistry;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tasks}: the engine types and tasks that the classpath and the plugins directory register, each with where
 * it comes from (a jar's file name, the class path, built-in); jars and libraries that cannot be loaded, and names a
 * second jar registers again, are warnings.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = {"List the registered engine types (for -e) and tasks (for event_processing and"
        + " beat_processing), from the classpath and the plugin jars, each with its jar.",
        "Exit status: 0 (a jar or library that cannot be loaded is a warning), or 2 when the plugins directory"
        + " cannot be listed."})
final class TasksCommand implements Callable<Integer> {

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        DefaultTaskRegistry registry;
        try {
            registry = plugins.discover();
        } catch (IllegalStateException e) {
            System.err.println("tasks: " + e.getMessage());
            return 2;
        }
        list(registry, "engine types", DefaultTaskRegistry.ENGINE_TYPE, registry.engineTypeNames());
        list(registry, "event tasks (event_processing)", DefaultTaskRegistry.EVENT_TASK, registry.eventTaskNames());
        list(registry, "beat tasks (beat_processing)", DefaultTaskRegistry.BEAT_TASK, registry.beatTaskNames());
        registry.allWarnings().forEach(w -> System.err.println("tasks: warning: " + w));
        return 0;
    }

    private static void list(DefaultTaskRegistry registry, String title, String kind, Set<String> names) {
        System.out.println(title + ":");
        if (names.isEmpty()) {
            System.out.println("  (none)");
        }
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        names.forEach(name -> System.out.println("  " + name + " ".repeat(width - name.length() + 2)
                + shortOrigin(registry.origin(kind, name))));
    }

    /** A jar by its file name; the class path and built-in as they are. */
    private static String shortOrigin(String origin) {
        return origin.endsWith(".jar") ? Path.of(origin).getFileName().toString() : origin;
    }
}
