package dev.orchestrator.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end latencies cut into fixed windows by arrival time, summarised as PerfTest summarises its consumer latency
 * per reporting interval: the median over the windows of each window's median and 99th percentile.
 */
record LatencyWindows(double p50Ms, double p99Ms, int windows, int samples) {

    static LatencyWindows of(long[] arrivals, long[] latencies, int count, long from, long to, long window) {
        int buckets = (int) Math.max(1, (to - from) / window);
        long[][] byWindow = new long[buckets][];
        int[] sizes = new int[buckets];
        for (int i = 0; i < count; i++) {
            if (arrivals[i] < from || arrivals[i] >= from + buckets * window) continue;
            int b = (int) ((arrivals[i] - from) / window);
            if (byWindow[b] == null) byWindow[b] = new long[64];
            if (sizes[b] == byWindow[b].length) byWindow[b] = Arrays.copyOf(byWindow[b], sizes[b] * 2);
            byWindow[b][sizes[b]++] = latencies[i];
        }
        List<Double> medians = new ArrayList<>();
        List<Double> tails = new ArrayList<>();
        int samples = 0;
        for (int b = 0; b < buckets; b++) {
            if (sizes[b] == 0) continue;
            samples += sizes[b];
            medians.add(Stats.percentile(byWindow[b], sizes[b], 0.50) / 1e6);
            tails.add(Stats.percentile(byWindow[b], sizes[b], 0.99) / 1e6);
        }
        return new LatencyWindows(Stats.median(medians), Stats.median(tails), medians.size(), samples);
    }
}
