package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench}: the orchestrator daemon against RabbitMQ PerfTest on the same broker, in one run, in a virtual
 * host of its own: throughput through 1 and 3 engines beside PerfTest over 2 and 4 queues, latency at a fixed rate,
 * scaling with workers, memory, start-up and status time of a daemon with 100 workers, and a Canopsis-style Python
 * engine's drain and memory beside the daemon's (when python3 has pika). Prints a table and writes
 * logs/bench.json (and the README's table with {@code --readme}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the orchestrator against RabbitMQ PerfTest on the same broker.")
public final class Bench implements Callable<Integer> {

    /** What a run measures; all by default. */
    enum Scenario { perftest, hop1, hop3, latency, scaling, workers, workers1000, pydrain, pymemory }

    @Option(names = "--uri", defaultValue = "${env:BENCH_URI:-amqp://guest:guest@127.0.0.1:5672}",
            description = "The RabbitMQ broker (its vhost is ignored: the benchmark makes its own). Default: $BENCH_URI or ${DEFAULT-VALUE}.")
    String uri;

    @Option(names = "--home", defaultValue = "${sys:orchestrator.home:-.}", description = "The orchestrator's build tree.")
    Path home;

    @Option(names = "--out", defaultValue = "logs/bench.json", description = "The JSON report (relative to --home).")
    Path out;

    @Option(names = "--readme", description = "After a complete run, update the table between <!-- bench:begin --> and <!-- bench:end --> in this file.")
    Path readme;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per figure; the median is reported.")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of each run discarded as warm-up.")
    int warmup;

    @Option(names = "--seconds", defaultValue = "8", description = "Measured seconds of each run.")
    int seconds;

    @Option(names = "--rate", defaultValue = "2000", description = "Events/s of the latency runs.")
    int rate;

    @Option(names = "--prefetch", defaultValue = "0",
            description = "Prefetch of both sides (confirm window and ack batch follow); default the engines' default.")
    int prefetch;

    @Option(names = "--only", split = ",", description = "Scenarios to run: ${COMPLETION-CANDIDATES} (default: all).")
    Set<Scenario> only = EnumSet.allOf(Scenario.class);

    @Option(names = "--daemon-java-opts", description = "JVM options of the daemons (ORCHESTRATOR_DAEMON_JAVA_OPTS), e.g. -XX:StartFlightRecording=...")
    String daemonJavaOptions;

    @Option(names = "--keep-trees", description = "Keep the daemons' configuration trees and logs (temporary directories).")
    boolean keepTrees;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        Path json = root.resolve(out);
        Path workDir = Files.createDirectories(root.resolve("logs/bench"));
        Workload workload = Workload.of(warmup, seconds, prefetch);
        Report report = new Report();
        Instant begin = Instant.now();
        settings(report, workload);
        String commit = SourceCommit.of(root);
        report.setting("commit", commit);
        Machine.describe(report);
        String loadStart = Machine.loadAverage().split(" ")[0];
        String brokerVersion = "?";
        String vhostName = "orchestrator-bench-" + ProcessHandle.current().pid();
        VirtualHost created;
        try {
            created = VirtualHost.create(uri, vhostName);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bench: cannot prepare the broker " + uri.replaceFirst("(//[^:/@]*:)[^@/]*@", "$1***@")
                    + ": " + e.getMessage());
            return 1;
        }
        Thread interrupted = new Thread(created::closeQuietly, "bench-vhost-cleanup");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try (VirtualHost broker = created) {
            try {
                brokerVersion = broker.brokerVersion();
            } catch (IOException e) {
                System.err.println("bench: cannot connect to the broker: " + e.getMessage());
                return 1;
            }
            report.machine("broker", brokerVersion);
            Scenarios scenarios = new Scenarios(root, workDir, broker, workload, runs, daemonJavaOptions, report);
            step(report, Scenario.perftest, scenarios::perfTest);
            boolean latency = only.contains(Scenario.latency);
            step(report, Scenario.hop1, () -> scenarios.hops(1, true, latency ? rate : 0));
            if (!only.contains(Scenario.hop1)) step(report, Scenario.latency, () -> scenarios.hops(1, false, rate));
            step(report, Scenario.hop3, () -> scenarios.hops(3, true, 0));
            step(report, Scenario.scaling, () -> scenarios.scaling(!only.contains(Scenario.hop1)));
            step(report, Scenario.workers, () -> scenarios.idleWorkers(Scenarios.IDLE_ENGINES, Scenarios.IDLE_WORKERS));
            step(report, Scenario.workers1000,
                    () -> scenarios.idleWorkers(Scenarios.SCALE_ENGINES, Scenarios.SCALE_WORKERS));
            pythonSteps(report, root, scenarios, broker, workload);
            report.deriveCpuRatios();
            if (!Double.isNaN(report.value("rss_mb_100_workers")) && !Double.isNaN(report.value("rss_mb_1000_workers"))) {
                report.derive("idle_worker_kib", (report.value("rss_mb_1000_workers") - report.value("rss_mb_100_workers"))
                        * 1024 / 900);
            }
            if (report.errors().isEmpty() && !keepTrees) {
                scenarios.deleteTrees();
            } else {
                System.err.println("bench: daemon trees kept: " + scenarios.trees());
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        report.machine("loadavg_end", Machine.loadAverage());
        report.setting("duration_s", ChronoUnit.SECONDS.between(begin, Instant.now()));
        report.writeJson(json);
        report.table().forEach(System.out::println);
        boolean complete = only.containsAll(EnumSet.allOf(Scenario.class)) && report.errors().isEmpty();
        if (readme != null && complete) {
            Report.updateReadme(root.resolve(readme), report.markdown(caption(commit, brokerVersion, loadStart)));
        } else if (readme != null) {
            System.out.println("bench: " + readme + " left as it was (only a complete run without failures updates it)");
        }
        System.out.println("bench: wrote " + json + (readme == null || !complete ? "" : " and " + root.resolve(readme)));
        report.errors().forEach(e -> System.err.println("bench: FAILED " + e));
        return report.errors().isEmpty() ? 0 : 1;
    }

    /** pydrain and pymemory, or a note in the settings saying why they were skipped. */
    private void pythonSteps(Report report, Path root, Scenarios scenarios, VirtualHost broker, Workload workload)
            throws InterruptedException {
        if (!only.contains(Scenario.pydrain) && !only.contains(Scenario.pymemory)) return;
        Optional<PythonEngine> python = PythonEngine.find(root);
        report.setting("python_engine", python.map(PythonEngine::toString).orElse(PythonEngine.MISSING));
        if (python.isEmpty()) return;
        PythonScenarios side = new PythonScenarios(scenarios, python.get(), broker, workload, runs, report);
        report.setting("pydrain_events", PythonScenarios.DRAIN_EVENTS);
        step(report, Scenario.pydrain, side::drain);
        if (only.contains(Scenario.pymemory) && !Supervisord.installed()) {
            report.setting("pymemory", "supervisord not installed (Debian's supervisor package): no memory figures");
            return;
        }
        report.setting("pymemory_method", "PSS (Pss of /proc/PID/smaps_rollup) of the daemon, and summed over the N"
                + " Python engine processes and supervisord; the RSS figures sum VmRSS, counting shared pages once per"
                + " process; idle " + PythonScenarios.SETTLE_SECONDS + " s after each engine consumed its events");
        for (int n : PythonScenarios.MEMORY_WORKERS) step(report, Scenario.pymemory, () -> side.memory(n));
    }

    private void settings(Report report, Workload workload) {
        report.setting("started_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.setting("runs", runs);
        report.setting("warmup_s", warmup);
        report.setting("measured_s", seconds);
        report.setting("message_bytes", workload.messageBytes());
        report.setting("prefetch", workload.prefetch());
        report.setting("confirm_window", workload.confirmWindow());
        report.setting("multi_ack", workload.multiAck());
        report.setting("latency_rate_per_s", rate);
        report.setting("startsecs_subtracted", Scenarios.STARTSECS);
        report.setting("latency_method", "p50: all samples of the measured window; p99: all samples of the whole run,"
                + " warm-up included, as PerfTest's closing summary; *_p99_window_median_ms: the median over 1 s windows"
                + " of each window's p99, as PerfTest's CSV; hop1_p99_measured_window_ms: all samples after the warm-up");
        report.setting("daemon_java_opts", daemonJavaOptions == null ? "(launcher default)" : daemonJavaOptions);
    }

    private String caption(String commit, String broker, String loadStart) {
        return "`make bench` of commit " + commit + " on " + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memoryMb() / 1024
                + " GiB, " + Machine.jvm() + ", " + broker + ", load average " + loadStart + " to " + Machine.loadAverage().split(" ")[0]
                + " (" + runs + " runs of " + warmup + "+" + seconds + " s, medians; details in logs/bench.json):";
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private void step(Report report, Scenario scenario, Step step) throws InterruptedException {
        if (!only.contains(scenario)) return;
        long start = System.nanoTime();
        System.out.println("bench: " + scenario + "...");
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            report.error(scenario.name(), e);
            System.err.println("bench: " + scenario + " failed: " + e.getMessage());
        }
        System.out.printf("bench: %s done in %.0f s%n", scenario, (System.nanoTime() - start) / 1e9);
    }
}
