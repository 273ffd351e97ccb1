package dev.orchestrator.runtime;

import static dev.orchestrator.runtime.CounterKeys.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A worker's counters. Written by the worker's thread only, read by any (status): plain volatile fields, no locks.
 * The rate is the events per second over the last completed window of at least {@link #RATE_WINDOW_NANOS}.
 * Processing times are also counted in the buckets of {@link #BUCKET_BOUNDS_SECONDS} (Prometheus' histogram shape),
 * one release-store per event, read at scrape time.
 */
final class WorkerCounters {

    static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    /** Upper bounds of the processing-time buckets, in seconds; a last bucket takes the rest (+Inf). */
    static final double[] BUCKET_BOUNDS_SECONDS =
            {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BUCKET_BOUNDS_NANOS = new long[BUCKET_BOUNDS_SECONDS.length];
    /** The buckets' keys in {@link #snapshot()}: "0.0001" ... "10", then "+Inf". */
    private static final String[] BUCKET_LABELS = new String[BUCKET_BOUNDS_SECONDS.length + 1];
    static {
        for (int i = 0; i < BUCKET_BOUNDS_SECONDS.length; i++) {
            BUCKET_BOUNDS_NANOS[i] = Math.round(BUCKET_BOUNDS_SECONDS[i] * 1e9);
            BUCKET_LABELS[i] = java.math.BigDecimal.valueOf(BUCKET_BOUNDS_SECONDS[i]).toPlainString();
        }
        BUCKET_LABELS[BUCKET_BOUNDS_SECONDS.length] = "+Inf";
    }

    private final AtomicLongArray buckets = new AtomicLongArray(BUCKET_BOUNDS_SECONDS.length + 1);
    private volatile long eventsIn;
    private volatile long eventsOut;
    private volatile long dropped;
    private volatile long errored;
    private volatile long beats;
    private volatile long beatErrors;
    private volatile long processingNanos;
    private volatile long reconnects;
    private volatile long returned;
    private volatile long requeued;
    private volatile long republished;
    private volatile boolean brokerUnreachable;
    private volatile double rate;
    private volatile String lastError;
    private volatile boolean connected;

    private long windowStart = System.nanoTime();
    private long windowEvents;

    void event(long nanos) {
        eventsIn++;
        processingNanos += nanos;
        int bucket = 0;
        while (bucket < BUCKET_BOUNDS_NANOS.length && nanos > BUCKET_BOUNDS_NANOS[bucket]) bucket++;
        buckets.setRelease(bucket, buckets.getPlain(bucket) + 1);
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

    /** The run failed at start: the broker could not be reached or refused the login. */
    void brokerUnreachable(String reason) {
        brokerUnreachable = true;
        lastError = reason;
    }

    /** A {@code basic.return}: an output the broker could not route. */
    void returned() {
        returned++;
    }

    /** An input requeued because an output was returned. */
    void requeued() {
        requeued++;
    }

    /** A nacked output published again. */
    void republished() {
        republished++;
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
        map.put(EVENTS_IN, in);
        map.put(EVENTS_OUT, eventsOut);
        map.put(DROPPED, dropped);
        map.put(ERRORED, errored);
        map.put(BEATS, beats);
        map.put(BEAT_ERRORS, beatErrors);
        map.put(PROCESSING_SECONDS, processingNanos / 1e9);
        map.put(PROCESSING_HISTOGRAM, histogram());
        map.put(SEC_PER_EVT, in == 0 ? 0.0 : processingNanos / 1e9 / in);
        map.put(EVT_PER_SEC, rate);
        map.put(RECONNECTS, reconnects);
        map.put(RETURNED, returned);
        map.put(REQUEUED, requeued);
        map.put(REPUBLISHED, republished);
        map.put(CONNECTED, connected);
        map.put(BROKER_UNREACHABLE, brokerUnreachable);
        map.put(LAST_ERROR, lastError);
        return map;
    }

    /** Cumulative counts by upper bound ("0.001": events that took at most 1 ms ... "+Inf": all). */
    private Map<String, Long> histogram() {
        Map<String, Long> cumulative = new LinkedHashMap<>();
        long sum = 0;
        for (int i = 0; i < buckets.length(); i++) {
            sum += buckets.getAcquire(i);
            cumulative.put(BUCKET_LABELS[i], sum);
        }
        return cumulative;
    }
}
