package dev.orchestrator.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Events per second from ever-growing totals sampled at each question: the rate over the span since the previous
 * sample at least {@link #MIN_SPAN_NANOS} old, so that questions asked close together share one figure. A total
 * that went down (a worker restarted with new counters) counts from zero again.
 */
final class Rates {

    static final long MIN_SPAN_NANOS = 1_000_000_000L;

    private record Sample(long total, long at, double rate) {}

    private final LongSupplier clock;
    private final Map<String, Sample> samples = new HashMap<>();

    /** {@code clock} gives nanoseconds (System::nanoTime). */
    Rates(LongSupplier clock) {
        this.clock = clock;
    }

    /** The rate of {@code key} whose total is now {@code total}; 0 at its first sample. */
    synchronized double rate(String key, long total) {
        long now = clock.getAsLong();
        Sample last = samples.get(key);
        if (last == null) {
            samples.put(key, new Sample(total, now, 0));
            return 0;
        }
        long span = now - last.at();
        if (span < MIN_SPAN_NANOS) return last.rate();
        long delta = total >= last.total() ? total - last.total() : total;
        double rate = delta * 1e9 / span;
        samples.put(key, new Sample(total, now, rate));
        return rate;
    }
}
