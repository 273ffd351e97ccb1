package dev.orchestrator.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one PerfTest run measured after its warm-up: the aggregate received rate (all queues), that rate per queue,
 * and the consumer latency (publish to delivery) as the median over the one-second intervals of each interval's
 * median and 99th percentile, in milliseconds (all CSV gives); the 99th percentile of all samples of the whole run
 * from PerfTest's closing summary ({@code consumer latency min/median/75th/95th/99th}), NaN when not read; and
 * PerfTest's CPU microseconds per message received (one publish and one consume each), NaN when not measured.
 */
record PerfTestResult(double receivedPerSecond, double perQueuePerSecond, double p50Ms, double p99WindowMedianMs,
        int intervals, double p99WholeRunMs, double cpuMicrosPerMessage) {

    private static final java.util.regex.Pattern SUMMARY = java.util.regex.Pattern.compile(
            "consumer latency min/median/75th/95th/99th \\d+/\\d+/\\d+/\\d+/(\\d+) µs");

    private static final String TIME = "time (s)";
    private static final String RECEIVED = "received (msg/s)";
    private static final String P50 = "median consumer latency (µs)";
    private static final String P99 = "99th p. consumer latency (µs)";

    /** Reads PerfTest's {@code --output-file} CSV (header line, one line per interval), skipping the first {@code warmupSeconds}. */
    static PerfTestResult parse(List<String> csv, int warmupSeconds, int queues) {
        if (csv.isEmpty()) throw new IllegalArgumentException("PerfTest wrote an empty CSV");
        List<String> header = Arrays.asList(csv.get(0).split(","));
        int time = column(header, TIME);
        int received = column(header, RECEIVED);
        int p50 = column(header, P50);
        int p99 = column(header, P99);
        List<Double> rates = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> tails = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length < header.size() || Double.parseDouble(cells[time]) <= warmupSeconds + 0.5) continue;
            rates.add(Double.parseDouble(cells[received]));
            if (!cells[p50].isEmpty()) medians.add(Double.parseDouble(cells[p50]) / 1000);
            if (!cells[p99].isEmpty()) tails.add(Double.parseDouble(cells[p99]) / 1000);
        }
        if (rates.isEmpty()) throw new IllegalArgumentException("PerfTest's CSV has no interval after the " + warmupSeconds + " s warm-up");
        double rate = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new PerfTestResult(rate, rate / queues, Stats.median(medians), Stats.median(tails), rates.size(),
                Double.NaN, Double.NaN);
    }

    PerfTestResult withCpu(double micros) {
        return new PerfTestResult(receivedPerSecond, perQueuePerSecond, p50Ms, p99WindowMedianMs, intervals,
                p99WholeRunMs, micros);
    }

    /** With the whole run's p99 from PerfTest's console {@code output} (its last summary line). */
    PerfTestResult withSummary(String output) {
        java.util.regex.Matcher m = SUMMARY.matcher(output);
        double p99 = Double.NaN;
        while (m.find()) p99 = Double.parseDouble(m.group(1)) / 1000;
        return new PerfTestResult(receivedPerSecond, perQueuePerSecond, p50Ms, p99WindowMedianMs, intervals, p99,
                cpuMicrosPerMessage);
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("PerfTest's CSV has no column '" + name + "' (columns: " + header + ")");
        return i;
    }
}
