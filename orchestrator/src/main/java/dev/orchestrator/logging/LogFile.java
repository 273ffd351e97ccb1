package dev.orchestrator.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * One program log file and its rotating appender, shared by every process writing to that path (the
 * {@code numprocs} workers of a Canopsis engine, and its stdout and stderr, all use one file).
 */
final class LogFile {

    private final Path path;
    private final long maxBytes;
    private final int backups;
    private final Layout<String> layout;
    private final Configuration config;
    /** Writers share it; {@link #clear} takes it alone, so no line meets a stopped appender. */
    private final ReadWriteLock reopening = new ReentrantReadWriteLock();
    private volatile RollingFileAppender appender;
    private int users;

    LogFile(Path path, long maxBytes, int backups, Layout<String> layout, Configuration config) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.backups = backups;
        this.layout = layout;
        this.config = config;
        this.appender = open();
    }

    Path path() { return path; }

    void append(LogEvent event) {
        reopening.readLock().lock();
        try {
            appender.append(event);
        } finally {
            reopening.readLock().unlock();
        }
    }

    /** supervisord's {@code clear}: the file is removed and opened again, empty. */
    synchronized void clear() throws IOException {
        reopening.writeLock().lock();
        try {
            appender.stop();
            Files.deleteIfExists(path);
            appender = open();
        } finally {
            reopening.writeLock().unlock();
        }
    }

    synchronized void acquire() { users++; }

    /** Returns true when the last user released it (the appender is then stopped). */
    synchronized boolean release() {
        if (--users > 0) return false;
        reopening.writeLock().lock();
        try {
            appender.stop();
        } finally {
            reopening.writeLock().unlock();
        }
        return true;
    }

    private RollingFileAppender open() {
        return RotatingFiles.create("process-log:" + path, path, maxBytes, backups, layout, config);
    }
}
