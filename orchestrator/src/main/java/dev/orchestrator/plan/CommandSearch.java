package dev.orchestrator.plan;

import dev.orchestrator.config.CommandLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a command as supervisord finds a program's command ({@link CommandLookup}), with the daemon's {@code PATH}
 * when the program sets none; found means an executable regular file.
 */
public final class CommandSearch {

    private final String daemonPath;

    /** @param daemonPath the daemon's {@code PATH} (may be null) */
    public CommandSearch(String daemonPath) {
        this.daemonPath = daemonPath;
    }

    /** The search with this JVM's {@code PATH}, the one the daemon runs with. */
    public static CommandSearch ofThisProcess() {
        return new CommandSearch(System.getenv("PATH"));
    }

    /** The executable that {@code command} names for a program with {@code environment}, if there is one. */
    public Optional<Path> find(String command, Map<String, String> environment) {
        return CommandLookup.locate(command, environment.getOrDefault("PATH", daemonPath))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file)).map(Path::toAbsolutePath);
    }
}
