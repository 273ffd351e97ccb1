package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.Figures;
import java.util.List;
import java.util.Locale;

/** Shared wording and end checks of the stream scenarios. */
final class Faults {

    private Faults() { }

    /** "what: max X s, mean Y s (n)". */
    static String summary(List<Double> seconds, String what) {
        if (seconds.isEmpty()) return "-";
        double max = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format(Locale.ROOT, "%s: max %.1f s, mean %.1f s (%d faults)", what, max, mean, seconds.size());
    }

    /** Adds a failure when the daemon died or not every worker is RUNNING at the end. */
    static Figures daemonHealthy(Chain chain, Figures figures) {
        if (!chain.daemon().alive()) return figures.withFailure("the daemon died (exit " + chain.daemon().exitValue() + ")");
        int running = chain.daemon().running();
        if (running < chain.expectedWorkers()) {
            return figures.withFailure(running + " of " + chain.expectedWorkers() + " workers RUNNING at the end");
        }
        return figures;
    }
}
