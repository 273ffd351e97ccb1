package dev.orchestrator.bench;

/**
 * A target a figure must meet: at least or at most {@code bound}, or, with a {@code reference} figure,
 * {@code factor} times that figure (p99 within 2x PerfTest's).
 */
record Goal(String figure, boolean atLeast, double bound, String reference, double factor) {

    static Goal atLeast(String figure, double bound) { return new Goal(figure, true, bound, null, 1); }

    static Goal atMost(String figure, double bound) { return new Goal(figure, false, bound, null, 1); }

    static Goal atMostTimes(String figure, double factor, String reference) {
        return new Goal(figure, false, Double.NaN, reference, factor);
    }

    /** The bound in the figure's unit, given the figures measured (NaN when the reference is missing). */
    double target(Report report) {
        return reference == null ? bound : factor * report.value(reference);
    }

    /** Whether {@code report} meets it; null when the figure or its reference was not measured. */
    Boolean met(Report report) {
        double value = report.value(figure);
        double target = target(report);
        if (Double.isNaN(value) || Double.isNaN(target)) return null;
        return atLeast ? value >= target : value <= target;
    }

    /** How the goal reads in a table: {@code >= 0.8}, {@code <= 2x PerfTest}. */
    String describe() {
        String op = atLeast ? ">= " : "<= ";
        return reference == null ? op + Report.format(bound) : op + Report.format(factor) + "x PerfTest";
    }
}
