package dev.orchestrator.chaos;

import java.util.Map;

/** The figures as one log line and as the README's markdown table. */
final class ResultsTable {

    private ResultsTable() { }

    static String line(Figures f) {
        return "published " + n(f.published()) + ", delivered " + n(f.delivered()) + ", duplicated "
                + n(f.duplicated()) + ", error-queued " + n(f.errorQueued()) + ", lost " + f.lost() + "; recovery "
                + f.recovery() + "; " + f.notes() + (f.failure() == null ? "" : "; FAILURE: " + f.failure());
    }

    static String markdown(Map<Scenario, Figures> results) {
        StringBuilder b = new StringBuilder();
        b.append("| # | scenario | published | delivered | duplicated | error-queued | lost | recovery | checked |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        results.forEach((s, f) -> b.append("| ").append(s.number()).append(" | ").append(s.title())
                .append(" | ").append(n(f.published())).append(" | ").append(n(f.delivered()))
                .append(" | ").append(n(f.duplicated())).append(" | ").append(n(f.errorQueued()))
                .append(" | ").append(f.lost()).append(" | ").append(f.recovery()).append(" | ")
                .append(f.notes().replace("|", "/"))
                .append(f.failure() == null ? "" : " **FAILED: " + f.failure().replace("|", "/") + "**")
                .append(" |\n"));
        return b.toString();
    }

    private static String n(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }
}
