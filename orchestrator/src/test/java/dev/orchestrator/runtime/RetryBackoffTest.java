package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits between a worker's reconnection attempts: growing, capped, spread at random, reset by a success. */
class RetryBackoffTest {

    @Test
    void theCeilingDoublesUpToTheMaximum() {
        RetryBackoff highest = new RetryBackoff(() -> 0.999_999);
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L),
                IntStream.range(0, 7).mapToObj(i -> highest.nextDelayMillis()).toList());
    }

    @Test
    void theWaitIsBetweenHalfTheCeilingAndTheCeiling() {
        RetryBackoff lowest = new RetryBackoff(() -> 0);
        assertEquals(List.of(50L, 100L, 200L, 400L, 800L, 1000L, 1000L),
                IntStream.range(0, 7).mapToObj(i -> lowest.nextDelayMillis()).toList());
        RetryBackoff middle = new RetryBackoff(() -> 0.5);
        middle.nextDelayMillis();
        assertEquals(150L, middle.nextDelayMillis());
    }

    @Test
    void twoWorkersDoNotRetryInStep() {
        RetryBackoff a = new RetryBackoff(() -> 0.1);
        RetryBackoff b = new RetryBackoff(() -> 0.9);
        for (int i = 0; i < 8; i++) {
            assertNotEquals(a.nextDelayMillis(), b.nextDelayMillis(), "attempt " + i);
        }
    }

    @Test
    void aSuccessStartsAgainFromTheFirstWait() {
        RetryBackoff policy = new RetryBackoff(() -> 0.999_999);
        IntStream.range(0, 10).forEach(i -> policy.nextDelayMillis());
        policy.reset();
        assertEquals(100L, policy.nextDelayMillis());
    }
}
