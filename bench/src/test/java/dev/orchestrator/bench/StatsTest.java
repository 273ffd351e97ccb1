package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCountsIgnoringMissingRuns() {
        assertEquals(3, Stats.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(2, Stats.median(List.of(Double.NaN, 1.0, 3.0)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void nearestRankPercentiles() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) values[i] = 100 - i;
        assertEquals(50, Stats.percentile(values, 100, 0.50));
        assertEquals(99, Stats.percentile(values, 100, 0.99));
        assertEquals(100, Stats.percentile(values, 100, 1.0));
    }

    @Test
    void latencyWindowsTakePercentilesOfAllSamplesAndTheMedianOfEachWindowsP99() {
        long second = 1_000_000_000L;
        // window 0: latencies 1..100 ms; window 1: 101..200 ms; window 2: 201..300 ms; one arrival before the start
        long[] arrivals = new long[301];
        long[] latencies = new long[301];
        arrivals[300] = -1;
        latencies[300] = 999_000_000L;
        for (int i = 0; i < 300; i++) {
            arrivals[i] = (i / 100) * second + i;
            latencies[i] = (i + 1) * 1_000_000L;
        }
        LatencyWindows w = LatencyWindows.of(arrivals, latencies, 301, 0, 3 * second, second);
        assertEquals(3, w.windows());
        assertEquals(300, w.samples());
        assertEquals(150, w.p50Ms(), 1e-9);
        assertEquals(297, w.p99Ms(), 1e-9, "the 99th percentile of the 300 samples of the window");
        assertEquals(199, w.p99WindowMedianMs(), 1e-9, "the median of the windows' 99th percentiles (99, 199, 299)");
    }
}
