package dev.orchestrator.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * One program log file and its rotating appender, shared by every process writing to that path (the
 * {@code numprocs} workers of a Canopsis engine, and its stdout and stderr, all use one file).
 *
 * <p>Writing never throws into the writer (a task's log line or {@code System.out} print): a file that cannot be
 * written (disk full, directory removed under a rotation) is reported once in the main log and in {@link #problem},
 * its lines are dropped and counted, and a write is tried again every {@link #RETRY_NANOS}; the first that works
 * says so in the main log.
 */
final class LogFile {

    static final long RETRY_NANOS = 5_000_000_000L;
    private static final Logger MAIN = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    private final Path path;
    private final long maxBytes;
    private final int backups;
    private final Layout<String> layout;
    private final Configuration config;
    /** Writers share it; {@link #clear} takes it alone, so no line meets a stopped appender. */
    private final ReadWriteLock reopening = new ReentrantReadWriteLock();
    private final LongSupplier clock;
    private volatile RollingFileAppender appender;
    private int users;
    /** Guarded by {@code this}: why the last write failed (null: writable), lines dropped since, next retry. */
    private String failure;
    private long dropped;
    private long retryAt;

    LogFile(Path path, long maxBytes, int backups, Layout<String> layout, Configuration config, LongSupplier clock) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.backups = backups;
        this.layout = layout;
        this.config = config;
        this.clock = clock;
        this.appender = open();
    }

    Path path() { return path; }

    /** Writes the line, or drops it while the file cannot be written; never throws. */
    void append(LogEvent event) {
        if (!writable()) return;
        reopening.readLock().lock();
        try {
            appender.append(event);
        } catch (RuntimeException e) {
            failed(e);
            return;
        } finally {
            reopening.readLock().unlock();
        }
        recovered();
    }

    /** Why the file cannot be written and how many lines were dropped, or null when it can. */
    synchronized String problem() {
        return failure == null ? null : "cannot write " + path + ": " + failure + " (" + dropped + " lines dropped)";
    }

    private synchronized boolean writable() {
        if (failure == null || clock.getAsLong() - retryAt >= 0) return true;
        dropped++;
        return false;
    }

    private void failed(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        boolean first;
        synchronized (this) {
            first = failure == null;
            failure = reason;
            dropped++;
            retryAt = clock.getAsLong() + RETRY_NANOS;
        }
        if (first) {
            MAIN.error("log file {} cannot be written ({}): its lines are dropped until it can", path, reason);
        }
    }

    private void recovered() {
        long lost;
        synchronized (this) {
            if (failure == null) return;
            failure = null;
            lost = dropped;
            dropped = 0;
        }
        MAIN.info("log file {} written again ({} lines dropped meanwhile)", path, lost);
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
        return RotatingFiles.create("process-log:" + path, path, maxBytes, backups, layout, config, QUIET);
    }

    /** log4j's default handler reports to its status logger, whose lines could land in this very file again. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override public void error(String msg) { }
        @Override public void error(String msg, Throwable t) { }
        @Override public void error(String msg, LogEvent event, Throwable t) { }
    };
}
