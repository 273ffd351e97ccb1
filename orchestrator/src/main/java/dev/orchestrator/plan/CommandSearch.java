package dev.orchestrator.plan;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a command as supervisord finds a program's command ({@code supervisor/options.py},
 * {@code ProcessConfig.get_execv_args}): a name with a slash as written, else the first file of that name in the
 * directories of {@code PATH} (the program's own {@code environment=PATH=...} when it sets one, else the
 * daemon's); found means an executable regular file.
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
        if (command.contains("/")) return executable(Path.of(command));
        String path = environment.getOrDefault("PATH", daemonPath);
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(command);
            if (Files.exists(candidate)) return executable(candidate);
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file.toAbsolutePath())
                : Optional.empty();
    }
}
