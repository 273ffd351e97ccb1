package dev.orchestrator.bench;

import com.rabbitmq.client.Connection;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.feed.EventPublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side with a Canopsis-style Python engine ({@link PythonEngine}: auto-ack, no prefetch limit, no
 * publisher confirms, as the original): one preloaded queue drained by the daemon's worker (at-least-once) and by
 * the Python engine, each alone, alternating run by run (pydrain); and the memory of N worker threads in one daemon
 * against N Python engine processes under the real supervisord, idle after consuming (pymemory).
 */
final class PythonScenarios {

    /** Events preloaded for each drain. */
    static final int DRAIN_EVENTS = 200_000;
    /** Worker counts of the memory scenario, in engines of {@link Scenarios#IDLE_WORKERS} workers. */
    static final int[] MEMORY_WORKERS = {20, 100};
    /** Events every engine of the memory scenario consumes before it is measured. */
    private static final int MEMORY_EVENTS = 100;
    private static final long SAMPLE_MILLIS = 20;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final int SETTLE_SECONDS = 3;

    private final Scenarios scenarios;
    private final PythonEngine python;
    private final VirtualHost broker;
    private final Workload workload;
    private final int runs;
    private final Report report;
    private final OptionalLong brokerProcess;

    PythonScenarios(Scenarios scenarios, PythonEngine python, VirtualHost broker, Workload workload, int runs,
            Report report) throws InterruptedException {
        this.scenarios = scenarios;
        this.python = python;
        this.broker = broker;
        this.workload = workload;
        this.runs = runs;
        this.report = report;
        this.brokerProcess = broker.localProcess();
    }

    /**
     * pydrain: a daemon whose worker is warmed up then stopped; each run preloads the queue for the daemon (its
     * worker started by {@code orchestrator start --all}), then again for one Python engine process.
     */
    void drain() throws IOException, InterruptedException {
        List<ConfigTree.Engine> engine = ConfigTree.drain();
        List<String> queues = Scenarios.queues(engine);
        Path pythonTree = scenarios.newTree("pydrain-python");
        Path etc = ConfigTree.write(pythonTree, engine, broker.address(), Scenarios.STARTSECS, workload.prefetch()).getParent();
        String name = engine.get(0).name();
        try (Daemon daemon = scenarios.startWorkers("pydrain", engine)) {
            scenarios.load().warm(queues, 1, daemon.pid());
            daemon.check("stop", "--all");
            for (int run = 0; run < runs; run++) {
                record("pydrain_daemon", drain(queues, () -> {
                    daemon.check("start", "--all");
                    return ProcessHandle.of(daemon.pid()).orElseThrow();
                }));
                daemon.check("stop", "--all");
                Process[] engineProcess = new Process[1];
                try {
                    record("pydrain_python", drain(queues, () -> {
                        engineProcess[0] = python.start(etc, name, pythonTree.resolve("logs/python-" + name + ".log"));
                        return engineProcess[0].toHandle();
                    }));
                } finally {
                    if (engineProcess[0] != null) stop(engineProcess[0]);
                }
            }
        }
        report.derive("pydrain_rate_ratio",
                report.value("pydrain_daemon_events_per_s") / report.value("pydrain_python_events_per_s"));
        report.derive("pydrain_cpu_ratio",
                report.value("pydrain_daemon_cpu_us_per_event") / report.value("pydrain_python_cpu_us_per_event"));
    }

    private void record(String prefix, DrainWindow window) {
        report.add(prefix + "_events_per_s", window.eventsPerSecond());
        report.add(prefix + "_cpu_us_per_event", window.cpuMicrosPerEvent());
        report.add(prefix + "_rss_mb", window.peakRssMb());
        report.add(prefix + "_broker_cpu_us_per_event", window.brokerCpuMicrosPerEvent());
    }

    /** Starts the consumer of a drain and answers the process whose CPU and memory are measured. */
    private interface Consumer {
        ProcessHandle start() throws IOException, InterruptedException;
    }

    /** Preloads the first of {@code queues}, starts the consumer and samples it until the last queue got every event. */
    private DrainWindow drain(List<String> queues, Consumer consumer) throws IOException, InterruptedException {
        String problem = Preload.fill(broker, queues.get(0), DRAIN_EVENTS, workload.messageBytes()).problem(DRAIN_EVENTS);
        if (problem != null) throw new IOException(problem);
        try (Connection connection = broker.connect("bench-sink")) {
            try {
                Sink sink = new Sink(connection.createChannel(), queues.get(1), workload, 0);
                ProcessHandle process = consumer.start();
                DrainWindow window = new DrainWindow(DRAIN_EVENTS);
                long seen = 0;
                long progressAt = System.nanoTime();
                while (true) {
                    long now = System.nanoTime();
                    long received = sink.received();
                    if (window.sample(now, received, ProcessCpu.seconds(process.pid()), brokerCpu(),
                            ProcessMemory.rssMb(process.pid()))) {
                        break;
                    }
                    boolean alive = process.isAlive();
                    if (received > seen) {
                        seen = received;
                        progressAt = now;
                    } else if (now - progressAt > STALL_NANOS || !alive) {
                        throw new IOException("the drain stopped at " + seen + " of " + DRAIN_EVENTS + " events"
                                + (alive ? "" : ": its consumer exited"));
                    }
                    TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
                }
                return window;
            } finally {
                EventLoad.purge(connection, queues);
            }
        }
    }

    private double brokerCpu() {
        return brokerProcess.isPresent() ? ProcessCpu.seconds(brokerProcess.getAsLong()) : Double.NaN;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * pymemory for {@code n} workers: a daemon running them as threads, then as many Python engine processes under
     * supervisord, each side once every engine has consumed {@link #MEMORY_EVENTS} events and idled
     * {@link #SETTLE_SECONDS} s. One run: memory does not follow the machine's load as rates do.
     */
    void memory(int n) throws IOException, InterruptedException {
        List<ConfigTree.Engine> engines = ConfigTree.fed(n / Scenarios.IDLE_WORKERS, Scenarios.IDLE_WORKERS);
        List<String> queues = engines.stream().map(e -> EngineConfig.queueOf(e.name())).toList();
        String prefix = "pymemory_" + n + "_";
        try (Daemon daemon = scenarios.startWorkers("pymemory" + n, engines)) {
            consume(engines.size());
            add(prefix + "daemon", ProcessMemory.of(daemon.pid()));
        }
        Path tree = scenarios.newTree("pymemory" + n + "-python");
        Path etc = ConfigTree.write(tree, engines, broker.address(), Scenarios.STARTSECS, workload.prefetch()).getParent();
        List<Supervisord.Program> programs = engines.stream().map(e -> new Supervisord.Program("engine-" + e.name(),
                python.command(etc, e.name(), "%(process_num)d"), e.workers())).toList();
        try (Supervisord supervisord = Supervisord.start(Files.createDirectories(tree.resolve("supervisord")), programs)) {
            if (!Readiness.await(broker, queues, Scenarios.IDLE_WORKERS, 120)) {
                throw new IOException("the " + n + " Python engines did not all consume within 120 s; see " + tree);
            }
            consume(engines.size());
            List<Long> pids = supervisord.programPids();
            add(prefix + "python", ProcessMemory.sum(pids).plus(ProcessMemory.of(supervisord.pid())));
            report.add(prefix + "python_processes", pids.size());
        }
        report.derive(prefix + "pss_ratio", report.value(prefix + "daemon_pss_mb") / report.value(prefix + "python_pss_mb"));
    }

    private void add(String prefix, ProcessMemory.Footprint footprint) {
        report.add(prefix + "_rss_mb", footprint.rssMb());
        report.add(prefix + "_pss_mb", footprint.pssMb());
    }

    /** Publishes {@link #MEMORY_EVENTS} events that every one of {@code engines} takes, waits for them all in the sink, then settles. */
    private void consume(int engines) throws IOException, InterruptedException {
        String sinkQueue = EngineConfig.queueOf(ConfigTree.SINK);
        long expected = (long) MEMORY_EVENTS * engines;
        try (Connection connection = broker.connect("bench-sink")) {
            try {
                Sink sink = new Sink(connection.createChannel(), sinkQueue, workload, 0);
                try (EventPublisher publisher = new EventPublisher(connection, ConfigTree.EVENTS_EXCHANGE,
                        workload.confirmWindow())) {
                    EventBodies bodies = new EventBodies(workload.messageBytes());
                    for (int i = 0; i < MEMORY_EVENTS; i++) publisher.publish(ConfigTree.ROUTING_KEY, bodies.next(System.nanoTime()));
                    publisher.awaitConfirms(Duration.ofSeconds(60));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (sink.received() < expected) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the sink got " + sink.received() + " of " + expected + " events within 120 s");
                    }
                    TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
                }
            } finally {
                EventLoad.purge(connection, List.of(sinkQueue));
            }
        }
        TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
    }
}
