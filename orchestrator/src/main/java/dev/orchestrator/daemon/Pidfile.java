package dev.orchestrator.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code [supervisord] pidfile}: written at start with the daemon's pid, removed at exit. A pidfile naming another
 * live JVM means another daemon runs on this configuration: the start is refused. A stale one is replaced.
 */
final class Pidfile implements AutoCloseable {

    private final Path path;
    private final long pid = ProcessHandle.current().pid();

    private Pidfile(Path path) { this.path = path; }

    static Pidfile acquire(Path path) throws DaemonException {
        Pidfile file = new Pidfile(path.toAbsolutePath());
        Optional<Long> other = file.read().filter(p -> p != file.pid && isLiveJvm(p));
        if (other.isPresent()) {
            throw new DaemonException("another daemon is running: pid " + other.get() + " in " + file.path
                    + " (orchestrator shutdown stops it)");
        }
        try {
            if (file.path.getParent() != null) Files.createDirectories(file.path.getParent());
            Files.writeString(file.path, file.pid + "\n");
        } catch (IOException e) {
            throw new DaemonException("cannot write the pidfile " + file.path + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Removes the file if it is still this daemon's. */
    @Override
    public void close() {
        if (read().filter(p -> p == pid).isPresent()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing more to do at exit
            }
        }
    }

    private Optional<Long> read() {
        try {
            return Optional.of(Long.parseLong(Files.readString(path).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLiveJvm(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true)).orElse(false);
    }
}
