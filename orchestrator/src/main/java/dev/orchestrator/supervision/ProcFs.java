package dev.orchestrator.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Counts in Linux's {@code /proc/<pid>/}: entries of {@code fd} (open file descriptors) or {@code task} (threads). */
final class ProcFs {

    private ProcFs() { }

    /** Entries of {@code /proc/<pid>/<dir>}; empty when it cannot be read (no /proc, the process ended, not ours). */
    static OptionalLong count(long pid, String dir) {
        try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), dir))) {
            return OptionalLong.of(entries.count());
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
