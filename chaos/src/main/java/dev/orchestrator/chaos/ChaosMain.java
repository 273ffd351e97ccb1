package dev.orchestrator.chaos;

import dev.orchestrator.chaos.control.ControlSocketAbuse;
import dev.orchestrator.chaos.scenario.BrokerRestart;
import dev.orchestrator.chaos.scenario.ClusterFault;
import dev.orchestrator.chaos.scenario.ConfigFuzzScenario;
import dev.orchestrator.chaos.scenario.ConnectionsClosed;
import dev.orchestrator.chaos.scenario.DaemonKilled;
import dev.orchestrator.chaos.scenario.FailingStart;
import dev.orchestrator.chaos.scenario.FatalTask;
import dev.orchestrator.chaos.scenario.StuckTask;
import dev.orchestrator.chaos.scenario.PoisonEvents;
import dev.orchestrator.chaos.scenario.Soak;
import dev.orchestrator.chaos.scenario.TwoDaemons;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make chaos}: runs the fault-tolerance scenarios one after the other against the real RabbitMQ and the
 * built installation, prints a line of figures per scenario and the table (also written to
 * {@code chaos/target/chaos-results.md}). Exit 0 when every scenario held (lost = 0 everywhere), 1 otherwise.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Fault-tolerance scenarios against RabbitMQ on 127.0.0.1:5672 and the built orchestrator.")
public final class ChaosMain implements Callable<Integer> {

    /** Events of each cluster scenario (11 to 14). */
    static final int CLUSTER_EVENTS = 50_000;

    @Option(names = "--only", split = ",", paramLabel = "N", description = "Scenario numbers to run (default: all).")
    Set<Integer> only = new TreeSet<>();

    @Option(names = "--home", description = "The installation under test (default: orchestrator.home, else .).")
    Path home = Path.of(System.getProperty("orchestrator.home", "."));

    @Option(names = "--fuzz-cases", description = "Configuration fuzz cases (default: ${DEFAULT-VALUE}).")
    int fuzzCases = 2000;

    @Option(names = "--soak-seconds", description = "Soak duration (default: $SOAK_SECONDS, else ${DEFAULT-VALUE}).")
    int soakSeconds = Integer.parseInt(System.getenv().getOrDefault("SOAK_SECONDS", "600"));

    @Option(names = "--readme", paramLabel = "FILE",
            description = "Refresh the figures of the scenarios run in FILE's chaos block (README.md).")
    Path readme;

    @Option(names = "--seed", description = "Seed of the random parts (default: ${DEFAULT-VALUE}).")
    long seed = 8;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    List<Scenario> scenarios() {
        return List.of(new ConnectionsClosed(), new BrokerRestart(), new DaemonKilled(), new PoisonEvents(20_000),
                new StuckTask(), new FailingStart(), new ConfigFuzzScenario(fuzzCases), new ControlSocketAbuse(),
                new Soak(soakSeconds), new TwoDaemons(),
                new ClusterFault(ClusterFault.Kind.LEADER_STOPPED, CLUSTER_EVENTS),
                new ClusterFault(ClusterFault.Kind.NODE_KILLED, CLUSTER_EVENTS),
                new ClusterFault(ClusterFault.Kind.PARTITION, CLUSTER_EVENTS),
                new ClusterFault(ClusterFault.Kind.DAEMON_KILLED, CLUSTER_EVENTS), new FatalTask(20_000));
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path workDir = home.resolve("chaos/target/chaos-run");
        Map<Scenario, Figures> results = new LinkedHashMap<>();
        try (Lab lab = new Lab(home, workDir, seed, out)) {
            for (Scenario scenario : scenarios()) {
                if (!only.isEmpty() && !only.contains(scenario.number())) continue;
                lab.log("scenario " + scenario.number() + ": " + scenario.title());
                Figures figures;
                try {
                    figures = scenario.run(lab);
                } catch (Exception e) {
                    e.printStackTrace(out);
                    figures = Figures.checks("-", "the run broke: " + e);
                }
                results.put(scenario, figures);
                lab.log("scenario " + scenario.number() + " " + (figures.passed() ? "PASSED" : "FAILED") + ": "
                        + ResultsTable.line(figures));
            }
        }
        String table = ResultsTable.markdown(results);
        out.println();
        out.print(table);
        Files.createDirectories(workDir);
        Files.writeString(workDir.resolve("../chaos-results.md"), table);
        if (readme != null) {
            ReadmeTable.refresh(readme, "`make chaos` on " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + LocalDate.now(ZoneOffset.UTC) + ", load average " + loadAverage() + " (figures of the last run of each"
                    + " scenario):", table);
        }
        List<Integer> failed = new ArrayList<>();
        results.forEach((s, f) -> { if (!f.passed()) failed.add(s.number()); });
        out.println(failed.isEmpty() ? "chaos: every scenario held" : "chaos: FAILED scenarios " + failed);
        return failed.isEmpty() ? 0 : 1;
    }
}
