package dev.orchestrator.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end latencies of the measured window: the median and the 99th percentile of all its samples, and as a
 * second figure, what PerfTest's per-interval CSV gives: the median over 1 s windows of each window's 99th
 * percentile (a figure that hides a tail concentrated in a few windows).
 */
record LatencyWindows(double p50Ms, double p99Ms, double p99WindowMedianMs, int windows, int samples) {

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
        List<Double> tails = new ArrayList<>();
        long[] all = new long[count];
        int samples = 0;
        for (int b = 0; b < buckets; b++) {
            if (sizes[b] == 0) continue;
            System.arraycopy(byWindow[b], 0, all, samples, sizes[b]);
            samples += sizes[b];
            tails.add(Stats.percentile(byWindow[b], sizes[b], 0.99) / 1e6);
        }
        return new LatencyWindows(Stats.percentile(all, samples, 0.50) / 1e6, Stats.percentile(all, samples, 0.99) / 1e6,
                Stats.median(tails), tails.size(), samples);
    }
}
