package dev.orchestrator.http;

import java.util.function.LongSupplier;
import org.apache.logging.log4j.Logger;

/**
 * What an {@link Acceptor}'s loop does after a failed accept (EMFILE when the daemon's file descriptors are
 * exhausted, ENFILE, ENOBUFS): the waiting client stays in the backlog, so accepting again at once fails again and
 * the loop would spin and flood the log. It waits, doubling from {@link #MIN_WAIT_MILLIS} to {@link #MAX_WAIT_MILLIS},
 * and logs at most one line a second, with the count of failures it did not log. An accept that works resets the
 * wait, not the log's rate.
 */
final class AcceptBackoff {

    static final long MIN_WAIT_MILLIS = 5;
    static final long MAX_WAIT_MILLIS = 1_000;
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final Logger log;
    private final String name;
    private final LongSupplier clock;
    private long waitMillis;
    private long lastLog;
    private boolean loggedOnce;
    private int unlogged;

    /** {@code name} starts its log lines. */
    AcceptBackoff(Logger log, String name, LongSupplier clock) {
        this.log = log;
        this.name = name;
        this.clock = clock;
    }

    /** An accept failed: logs it (at most once a second) and returns how long to wait before the next one. */
    long failed(String reason) {
        long now = clock.getAsLong();
        if (!loggedOnce || now - lastLog >= LOG_INTERVAL_NANOS) {
            log.warn("{}: accept failed: {}{}; retrying in up to {} ms", name, reason,
                    unlogged == 0 ? "" : " (" + unlogged + " more failures since the last line)", MAX_WAIT_MILLIS);
            loggedOnce = true;
            lastLog = now;
            unlogged = 0;
        } else {
            unlogged++;
        }
        waitMillis = waitMillis == 0 ? MIN_WAIT_MILLIS : Math.min(MAX_WAIT_MILLIS, waitMillis * 2);
        return waitMillis;
    }

    /** An accept worked: the next failure waits the shortest time again. */
    void succeeded() {
        waitMillis = 0;
    }
}
