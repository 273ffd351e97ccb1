package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.fuzz.ConfigFuzz;

/** Scenario 7: mutated copies of the shipped etc/ all give exit 0 or exit 2 with a message, never a trace or a hang. */
public final class ConfigFuzzScenario implements Scenario {

    private final int cases;

    public ConfigFuzzScenario(int cases) {
        this.cases = cases;
    }

    @Override public int number() { return 7; }

    @Override public String title() { return "configuration fuzz"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        long start = System.nanoTime();
        ConfigFuzz.Report report = new ConfigFuzz(lab.home().resolve("etc"), lab.scratch("fuzz"), 10_000)
                .run(cases, lab.seed());
        String notes = report.cases() + " cases: " + report.valid() + " exit 0, " + report.rejected()
                + " exit 2, " + report.defects().size() + " defects; slowest " + report.slowestMillis() + " ms, "
                + (System.nanoTime() - start) / 1_000_000_000 + " s in all";
        report.defects().forEach(d -> lab.log(d.toString()));
        return Figures.checks(notes, report.defects().isEmpty() ? null
                : report.defects().size() + " defects, first: " + report.defects().get(0).problem());
    }
}
