package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfTestResultTest {

    private static final String HEADER = "id,time (s),published (msg/s),returned (msg/s),confirmed (msg/s),nacked (msg/s),"
            + "received (msg/s),min consumer latency (µs),median consumer latency (µs),75th p. consumer latency (µs),"
            + "95th p. consumer latency (µs),99th p. consumer latency (µs),min confirm latency (µs),"
            + "median confirm latency (µs),75th p. confirm latency (µs),95th p. confirm latency (µs),99th p. confirm latency (µs)";

    private static String row(double time, int received, int p50, int p99) {
        return "t," + time + ",0,,0,0," + received + ",1," + p50 + ",0,0," + p99 + ",0,0,0,0,0";
    }

    @Test
    void averagesTheIntervalsAfterTheWarmUpAndTakesMedianLatencies() {
        List<String> csv = List.of(HEADER, row(1.002, 100, 90_000, 900_000), row(2.0, 200, 80_000, 800_000),
                row(3.001, 1000, 2000, 9000), row(4.0, 2000, 4000, 7000), row(5.003, 3000, 3000, 8000));
        PerfTestResult r = PerfTestResult.parse(csv, 2, 2);
        assertEquals(3, r.intervals());
        assertEquals(2000, r.receivedPerSecond(), 1e-9);
        assertEquals(1000, r.perQueuePerSecond(), 1e-9);
        assertEquals(3.0, r.p50Ms(), 1e-9);
        assertEquals(8.0, r.p99WindowMedianMs(), 1e-9);
        assertTrue(Double.isNaN(r.p99WholeRunMs()), "not in the CSV");
    }

    /** PerfTest 2.22's closing lines: the consumer latency's p99 over the whole run. */
    @Test
    void readsTheWholeRunsP99FromTheSummary() {
        String output = String.join("\n", "test stopped (Reached time limit)", "id: ptx, sending rate avg: 585 msg/s",
                "id: ptx, consumer latency min/median/75th/95th/99th 341/50388/76946/160154/194898 µs",
                "id: ptx, confirm latency min/median/75th/95th/99th 472/25770/34032/153125/155127 µs");
        List<String> csv = List.of(HEADER, row(3.0, 1000, 2000, 9000));
        assertEquals(194.898, PerfTestResult.parse(csv, 2, 1).withSummary(output).p99WholeRunMs(), 1e-9);
    }

    @Test
    void aRunShorterThanItsWarmUpIsAnError() {
        List<String> csv = List.of(HEADER, row(1.0, 100, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PerfTestResult.parse(csv, 5, 1));
        assertTrue(e.getMessage().contains("no interval after the 5 s warm-up"), e.getMessage());
    }

    @Test
    void anUnexpectedCsvNamesTheMissingColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerfTestResult.parse(List.of("id,time (s)", "t,1.0"), 0, 1));
        assertTrue(e.getMessage().contains("no column 'received (msg/s)'"), e.getMessage());
    }
}
