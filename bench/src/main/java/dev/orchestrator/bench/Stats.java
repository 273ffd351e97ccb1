package dev.orchestrator.bench;

import java.util.Arrays;
import java.util.Collection;

/** The statistics the benchmark reports: medians of repeated runs and nearest-rank percentiles of samples. */
final class Stats {

    private Stats() { }

    /** The median of {@code values} (the mean of the two middle ones for an even count); NaN when empty. */
    static double median(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank {@code q} quantile (0 < q <= 1) of {@code values}, which it sorts in place; NaN when empty. */
    static double percentile(long[] values, int count, double q) {
        if (count == 0) return Double.NaN;
        Arrays.sort(values, 0, count);
        int rank = (int) Math.ceil(q * count);
        return values[Math.max(0, Math.min(count, rank) - 1)];
    }

    /** {@code value} rounded to {@code decimals} places, for the report. */
    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
