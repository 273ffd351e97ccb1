package dev.orchestrator.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long a worker waits before it tries the broker again, to reconnect or to publish outputs the broker refused:
 * a ceiling that doubles from {@link #FIRST_MILLIS} up to {@link #MAX_MILLIS} with each failure, and a random wait
 * between half the ceiling and the ceiling, so the workers of a daemon do not hit a recovering broker all at once.
 * One instance per worker and purpose, used on the worker's thread.
 */
final class RetryBackoff {

    static final long FIRST_MILLIS = 100;
    static final long MAX_MILLIS = 2_000;

    private final DoubleSupplier random;
    private int failures;

    RetryBackoff() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random}: uniform in [0, 1). */
    RetryBackoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait after one more failed attempt, in milliseconds. */
    long nextDelayMillis() {
        long ceiling = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(failures, 20));
        failures++;
        return ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
    }

    /** After a success: the next failure starts from {@link #FIRST_MILLIS} again. */
    void reset() {
        failures = 0;
    }
}
