package dev.orchestrator.bench;

import dev.orchestrator.config.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The measurements, each median-of-runs figure recorded in the {@link Report}. Orchestrator runs and their PerfTest
 * references alternate run by run, so both see the same load of a shared machine.
 */
final class Scenarios {

    /** Engines and workers of the memory and start-up scenario: 50 x 2 = 100 workers. */
    static final int IDLE_ENGINES = 50;
    static final int IDLE_WORKERS = 2;
    /** The scale scenario: 250 x 4 = 1,000 workers. */
    static final int SCALE_ENGINES = 250;
    static final int SCALE_WORKERS = 4;
    /** supervisord's startsecs for the start-up scenario; subtracted from the measured time. */
    static final int STARTSECS = 1;
    private static final int STATUS_RUNS = 7;
    private static final int IDLE_SETTLE_SECONDS = 3;

    private final Path home;
    private final VirtualHost broker;
    private final Workload workload;
    private final PerfTest perfTest;
    private final EventLoad load;
    private final Report report;
    private final int runs;
    private final String daemonJavaOptions;
    private final List<Path> trees = new ArrayList<>();

    Scenarios(Path home, Path workDir, VirtualHost broker, Workload workload, int runs, String daemonJavaOptions,
            Report report) {
        this.home = home;
        this.broker = broker;
        this.workload = workload;
        this.runs = runs;
        this.daemonJavaOptions = daemonJavaOptions;
        this.report = report;
        this.perfTest = new PerfTest(home.resolve("bench/perftest/target/lib"), workDir, broker.address().uri(), workload);
        this.load = new EventLoad(broker, workload);
    }

    /** PerfTest alone: 1 producer, 1 consumer, one queue. */
    void perfTest() throws IOException, InterruptedException {
        for (int run = 0; run < runs; run++) {
            report.add("perftest_msgs_per_s", perfTest.run(1, 0).receivedPerSecond());
        }
    }

    /**
     * On one daemon running {@code hops} engines: with {@code throughput}, events/s through them against PerfTest over
     * hops+1 queues; with a positive {@code rate}, the end-to-end latency at that rate against PerfTest's on one queue.
     */
    void hops(int hops, boolean throughput, int rate) throws IOException, InterruptedException {
        List<ConfigTree.Engine> chain = ConfigTree.chain(hops);
        String reference = "perftest_" + (hops + 1) + "q_per_queue_msgs_per_s";
        String figure = "hop" + hops + "_events_per_s";
        try (Daemon daemon = startWorkers("hop" + hops, chain)) {
            List<String> queues = queues(chain);
            load.warm(queues, 1, daemon.pid());
            for (int run = 0; throughput && run < runs; run++) {
                PerfTestResult pt = perfTest.run(hops + 1, 0);
                report.add(reference, pt.perQueuePerSecond());
                report.add("perftest_" + (hops + 1) + "q_cpu_us_per_msg", pt.cpuMicrosPerMessage());
                throughput("hop" + hops, figure, queues, 1, daemon);
            }
            if (throughput) {
                report.derive("hop" + hops + "_ratio", report.value(figure) / report.value(reference));
                if (hops == 1) report.derive("scaling_1w_events_per_s", report.value(figure));
            }
            for (int run = 0; rate > 0 && run < runs; run++) {
                PerfTestResult pt = perfTest.run(1, rate);
                report.add("perftest_p50_ms", pt.p50Ms());
                report.add("perftest_p99_ms", pt.p99WholeRunMs());
                report.add("perftest_p99_window_median_ms", pt.p99WindowMedianMs());
                EventLoad.LoadResult r = load.run(queues, 1, rate, daemon.pid());
                check(r);
                report.add("hop" + hops + "_p50_ms", r.p50Ms());
                report.add("hop" + hops + "_p99_ms", r.p99WholeRunMs());
                report.add("hop" + hops + "_p99_measured_window_ms", r.p99Ms());
                report.add("hop" + hops + "_p99_window_median_ms", r.p99WindowMedianMs());
            }
        }
    }

    /**
     * Events/s of one engine with 2 and 4 workers (1 worker is the 1-hop figure), fed by as many producers as workers
     * so that the producer's confirm window does not cap what the workers can take.
     */
    void scaling(boolean withOneWorker) throws IOException, InterruptedException {
        for (int workers : withOneWorker ? new int[] {1, 2, 4} : new int[] {2, 4}) {
            List<ConfigTree.Engine> engine = ConfigTree.scaled(workers);
            try (Daemon daemon = startWorkers("scaled" + workers, engine)) {
                load.warm(queues(engine), workers, daemon.pid());
                for (int run = 0; run < runs; run++) {
                    throughput("scaling_" + workers + "w", "scaling_" + workers + "w_events_per_s", queues(engine),
                            workers, daemon);
                }
            }
        }
    }

    /**
     * A fresh daemon per run with {@code engines} x {@code workers} idle workers ({@code N} of them in the figures'
     * names): start-up time, resident memory, the broker connections it opened, status command time (beside
     * {@code supervisorctl status} over as many processes, when supervisor is installed), then the start-up time
     * again once the daemon is warm (after {@code stop --all}).
     */
    void idleWorkers(int engines, int workers) throws IOException, InterruptedException {
        int n = engines * workers;
        List<ConfigTree.Engine> idle = ConfigTree.idle(engines, workers);
        List<String> queues = idle.stream().map(e -> EngineConfig.queueOf(e.name())).toList();
        for (int run = 0; run < runs; run++) {
            Path tree = newTree("workers" + n);
            Path main = ConfigTree.write(tree, idle, broker.address(), STARTSECS, workload.prefetch());
            try (Daemon daemon = Daemon.start(home, tree, main, daemonJavaOptions)) {
                long start = System.nanoTime();
                double daemonCpu = ProcessCpu.seconds(daemon.pid());
                Daemon.CliRun started = daemon.check("start", "--all");
                report.add("start_" + n + "_workers_s", started.millis() / 1000 - STARTSECS);
                report.add("start_" + n + "_workers_daemon_cpu_s", ProcessCpu.seconds(daemon.pid()) - daemonCpu);
                report.add("start_" + n + "_cli_cpu_ms", started.cpuMillis());
                if (!Readiness.await(broker, queues, workers, 120)) {
                    throw new IOException("the " + n + " workers did not all consume within 120 s; see " + tree.resolve("logs"));
                }
                report.add("ready_" + n + "_workers_s", (System.nanoTime() - start) / 1e9);
                report.add("broker_connections_" + n + "_workers", broker.connectionNames().stream()
                        .filter(c -> c.startsWith("orchestrator")).count());
                daemon.check("status");
                TimeUnit.SECONDS.sleep(IDLE_SETTLE_SECONDS);
                report.add("rss_mb_" + n + "_workers", daemon.rssMb());
                statusTimes(daemon, n);
                daemon.check("stop", "--all");
                report.add("restart_" + n + "_workers_s", daemon.check("start", "--all").millis() / 1000 - STARTSECS);
            }
        }
    }

    /**
     * {@code orchestrator status} of {@code n} processes, {@link #STATUS_RUNS} times; for 100, alternated with
     * {@code supervisorctl status} of a real supervisord running as many processes (skipped with a note when
     * supervisor is not installed).
     */
    private void statusTimes(Daemon daemon, int n) throws IOException, InterruptedException {
        String suffix = n == IDLE_ENGINES * IDLE_WORKERS ? "" : "_" + n;
        Supervisord supervisord = null;
        if (suffix.isEmpty() && Supervisord.installed()) {
            supervisord = Supervisord.start(newTree("supervisord"), n);
        } else if (suffix.isEmpty()) {
            report.setting("supervisorctl", "not installed (Debian's supervisor package): no side-by-side status figure");
        }
        try {
            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            for (int i = 0; i < STATUS_RUNS; i++) {
                Daemon.CliRun status = daemon.check("status");
                times.add(status.millis());
                cpu.add(status.cpuMillis());
                if (supervisord != null) reference.add(supervisord.status().millis());
            }
            report.add("status_cli" + suffix + "_ms", Stats.median(times));
            report.add("status_cli" + suffix + "_cpu_ms", Stats.median(cpu));
            if (supervisord != null) {
                report.add("supervisorctl_status_ms", Stats.median(reference));
                report.add("status_vs_supervisorctl", Stats.median(times) / Stats.median(reference));
            }
        } finally {
            if (supervisord != null) supervisord.close();
        }
    }

    /** A full-speed run: {@code figure} events/s, and beside it the daemon's CPU per event and the first queue's backlog. */
    private void throughput(String prefix, String figure, List<String> queues, int producers, Daemon daemon)
            throws IOException, InterruptedException {
        EventLoad.LoadResult r = load.run(queues, producers, 0, daemon.pid());
        check(r);
        report.add(figure, r.eventsPerSecond());
        report.add(prefix + "_daemon_cpu_us_per_event", r.daemonCpuMicrosPerEvent());
        report.add(prefix + "_daemon_ctxt_switches_per_event", r.daemonContextSwitchesPerEvent());
        report.add(prefix + "_backlog", r.backlog());
        report.add(prefix + "_backlog_growth", r.backlogGrowth());
    }

    private static void check(EventLoad.LoadResult r) throws IOException {
        if (r.failure() != null) throw new IOException("the producer failed: " + r.failure());
        if (r.eventsPerSecond() == 0) throw new IOException("no event reached the sink (is the chain running?)");
    }

    /** A daemon on a new tree of {@code engines}, all workers started and consuming. */
    Daemon startWorkers(String label, List<ConfigTree.Engine> engines) throws IOException, InterruptedException {
        Path tree = newTree(label);
        Path main = ConfigTree.write(tree, engines, broker.address(), STARTSECS, workload.prefetch());
        Daemon daemon = Daemon.start(home, tree, main, daemonJavaOptions);
        try {
            daemon.check("start", "--all");
            List<String> queues = engines.stream().map(e -> EngineConfig.queueOf(e.name())).toList();
            int workers = engines.stream().mapToInt(ConfigTree.Engine::workers).min().orElse(1);
            if (!Readiness.await(broker, queues, workers, 60)) {
                throw new IOException("the workers of " + label + " did not consume within 60 s; see " + tree.resolve("logs"));
            }
            return daemon;
        } catch (IOException | InterruptedException | RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    /** The chain's queues in order, the sink's last. */
    static List<String> queues(List<ConfigTree.Engine> chain) {
        List<String> queues = new ArrayList<>(chain.stream().map(e -> EngineConfig.queueOf(e.name())).toList());
        queues.add(EngineConfig.queueOf(ConfigTree.SINK));
        return queues;
    }

    /** A new temporary directory for a daemon's or supervisord's tree, deleted with the others at the end. */
    Path newTree(String label) throws IOException {
        Path tree = Files.createTempDirectory("orchestrator-bench-" + label + "-");
        trees.add(tree);
        return tree;
    }

    /** The load of the throughput runs (its warm-up too). */
    EventLoad load() { return load; }

    /** The configuration trees (temporary directories) the daemons ran on, with their logs. */
    List<Path> trees() { return trees; }

    /** Deletes the configuration trees. */
    void deleteTrees() throws IOException {
        for (Path tree : trees) {
            try (Stream<Path> files = Files.walk(tree)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        trees.clear();
    }
}
