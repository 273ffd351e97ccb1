package dev.orchestrator.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rates from totals, on a clock the test drives. */
class RatesTest {

    @Test
    void theRateIsTheGrowthOverTheLastSpanOfAtLeastASecondAndARestartedTotalCountsFromZero() {
        AtomicLong clock = new AtomicLong();
        Rates rates = new Rates(clock::get);
        assertEquals(0, rates.rate("a", 100));
        clock.addAndGet(500_000_000L);
        assertEquals(0, rates.rate("a", 150), "half a second: the previous figure");
        clock.addAndGet(1_500_000_000L);
        assertEquals(100, rates.rate("a", 300), 1e-9, "200 events in 2 s");
        clock.addAndGet(100_000_000L);
        assertEquals(100, rates.rate("a", 999), 1e-9, "shared by questions close together");
        clock.addAndGet(1_900_000_000L);
        assertEquals(20, rates.rate("a", 40), 1e-9, "a total that went down: the worker restarted, 40 in 2 s");
        assertEquals(0, rates.rate("b", 7), "each key its own");
    }
}
