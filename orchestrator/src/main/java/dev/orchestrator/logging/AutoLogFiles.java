package dev.orchestrator.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code stdout_logfile=AUTO}: a fresh file under the child log directory named as supervisord's mkstemp does
 * ({@code NAME-stdout---supervisor-XXXX.log}); the daemon removes the previous run's ones at start.
 */
public final class AutoLogFiles {

    private static final Pattern AUTO_NAME = Pattern.compile(".+?---supervisor-\\S+\\.log\\.?\\d{0,4}");

    private AutoLogFiles() { }

    static Path create(Path dir, String processName, String channel) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, processName + '-' + channel + "---supervisor-", ".log");
    }

    /** Deletes every AUTO log file (and its backups) in {@code dir}; returns how many. */
    public static int cleanup(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (AUTO_NAME.matcher(f.getFileName().toString()).matches() && Files.deleteIfExists(f)) removed++;
            }
        }
        return removed;
    }
}
