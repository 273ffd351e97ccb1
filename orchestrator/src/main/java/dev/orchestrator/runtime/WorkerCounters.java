package dev.orchestrator.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker's counters. Written by the worker's thread only, read by any (status): plain volatile fields, no locks.
 * The rate is the events per second over the last completed window of at least {@link #RATE_WINDOW_NANOS}.
 */
final class WorkerCounters {

    static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    private volatile long eventsIn;
    private volatile long eventsOut;
    private volatile long dropped;
    private volatile long errored;
    private volatile long beats;
    private volatile long beatErrors;
    private volatile long processingNanos;
    private volatile long reconnects;
    private volatile double rate;
    private volatile String lastError;
    private volatile boolean connected;

    private long windowStart = System.nanoTime();
    private long windowEvents;

    void event(long nanos) {
        eventsIn++;
        processingNanos += nanos;
    }

    void output() {
        eventsOut++;
    }

    void dropped() {
        dropped++;
    }

    void errored(String error) {
        errored++;
        lastError = error;
    }

    void beat() {
        beats++;
    }

    void beatError(String error) {
        beatErrors++;
        lastError = error;
    }

    void connected(boolean now) {
        connected = now;
    }

    void reconnect() {
        reconnects++;
    }

    void error(String error) {
        lastError = error;
    }

    /** Closes the rate window when it is old enough. */
    void tick(long now) {
        long elapsed = now - windowStart;
        if (elapsed >= RATE_WINDOW_NANOS) {
            rate = (eventsIn - windowEvents) * 1e9 / elapsed;
            windowStart = now;
            windowEvents = eventsIn;
        }
    }

    long eventsIn() {
        return eventsIn;
    }

    long processingNanos() {
        return processingNanos;
    }

    /** The snapshot {@code Worker.counters()} returns, keys in snake_case. */
    Map<String, Object> snapshot() {
        long in = eventsIn;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("events_in", in);
        map.put("events_out", eventsOut);
        map.put("dropped", dropped);
        map.put("errored", errored);
        map.put("beats", beats);
        map.put("beat_errors", beatErrors);
        map.put("processing_seconds", processingNanos / 1e9);
        map.put("sec_per_evt", in == 0 ? 0.0 : processingNanos / 1e9 / in);
        map.put("evt_per_sec", rate);
        map.put("reconnects", reconnects);
        map.put("connected", connected);
        map.put("last_error", lastError);
        return map;
    }
}
