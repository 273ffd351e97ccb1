package dev.orchestrator.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * supervisord's search for a program's command ({@code supervisor/options.py}, {@code ProcessConfig.get_execv_args}):
 * a name with a slash as written, else the first existing file of that name in the directories of {@code PATH}
 * (the program's own {@code environment=PATH=...} when it sets one, else the daemon's). Whether what it finds can
 * run is the caller's question: {@code check} asks it of the original engine-launcher, a spawn of every command.
 */
public final class CommandLookup {

    private CommandLookup() { }

    /** The file {@code program} names, searched on {@code path} ({@code PATH}'s value, may be null). */
    public static Optional<Path> locate(String program, String path) {
        if (program.contains("/")) return Optional.of(Path.of(program)).filter(Files::exists);
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.exists(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
