package dev.orchestrator.cli;

import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --plugins DIR} option of the commands that need the task registry (a picocli {@code @Mixin}). */
final class PluginsOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Directory of task library jars (default: <orchestrator home>/plugins).")
    Path plugins;

    /**
     * The registry of the classpath and the plugin jars.
     *
     * @throws IllegalStateException with a one-line message when a library cannot be loaded
     */
    DefaultTaskRegistry discover() {
        return TaskRegistries.discover(directory());
    }

    Path directory() {
        return plugins != null ? plugins : TaskRegistries.defaultPluginsDir();
    }
}
