package dev.orchestrator.runtime;

import java.util.concurrent.TimeUnit;

/**
 * When a worker's beat is due, on the clock it is given (nanoseconds, as {@link System#nanoTime()}): Canopsis'
 * {@code Engine.run} loop (engines/core.py): the first beat {@code beat_interval} seconds after the start, each next
 * one {@code beat_interval} seconds after the time taken before the previous beat ran, so a beat longer than the
 * interval is followed at once by the next; no beats with an interval of 0. Where the original checks once a second,
 * the worker waits for its signals until the beat is due, so a beat is not up to a second late.
 */
final class BeatSchedule {

    private final long intervalNanos;
    private long next;

    /** Beats every {@code intervalSeconds} (0 or less: none) from {@code now}. */
    BeatSchedule(int intervalSeconds, long now) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(Math.max(0, intervalSeconds));
        this.next = now + intervalNanos;
    }

    /** Whether a beat is due at {@code now}; when it is, the next one is due an interval after {@code now}. */
    boolean due(long now) {
        if (intervalNanos == 0 || now - next < 0) return false;
        next = now + intervalNanos;
        return true;
    }

    /** How long the worker may wait for signals at {@code now}: {@code longest}, or less when a beat is due sooner. */
    long waitNanos(long now, long longest) {
        return intervalNanos == 0 ? longest : Math.max(0, Math.min(longest, next - now));
    }
}
