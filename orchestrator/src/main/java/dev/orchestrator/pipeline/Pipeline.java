package dev.orchestrator.pipeline;

import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.runtime.CounterKeys;
import dev.orchestrator.runtime.ErrorQueue;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The pipeline as an operator thinks of it, drawn from the configuration last read and the live processes: each
 * engine with its workers' summed counters and rates, its {@code next} arrows, its queue's and error queue's depth
 * (from the {@link QueueProbe}'s cache). Every reader (dashboard, REST, {@code queues}, metrics) asks here; the
 * engines' error queues are browsed and replayed through {@link #errorQueues()}. Closing it closes the probe.
 */
public final class Pipeline implements AutoCloseable {

    private final Supplier<Configuration> configuration;
    private final Supervisor supervisor;
    private final QueueProbe probe;
    private final ErrorQueues errorQueues;
    private final Rates rates;
    private final LongSupplier wallClock;

    /**
     * {@code clock} gives nanoseconds for the rates (System::nanoTime), {@code wallClock} epoch milliseconds
     * for the view's time.
     */
    public Pipeline(Supplier<Configuration> configuration, Supervisor supervisor, QueueProbe probe,
                    LongSupplier clock, LongSupplier wallClock) {
        this.configuration = configuration;
        this.supervisor = supervisor;
        this.probe = probe;
        this.errorQueues = new ErrorQueues(probe);
        this.rates = new Rates(clock);
        this.wallClock = wallClock;
    }

    public ErrorQueues errorQueues() { return errorQueues; }

    /** Whether {@code engine} is an engine of the configuration (a section, a worker's or a {@code next} target). */
    public boolean hasEngine(String engine) {
        return engineNames(configuration.get()).contains(engine);
    }

    @Override
    public void close() {
        probe.close();
    }

    /** The view now; queue depths may be up to {@link QueueProbe#MAX_AGE_NANOS} old. */
    public PipelineView view() {
        Configuration config = configuration.get();
        Map<String, ProcessInfo> live = new HashMap<>();
        for (ProcessInfo p : supervisor.allProcessInfo()) live.put(p.group() + ':' + p.name(), p);
        Map<String, List<ProcessConfig>> workers = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        config.processes().filter(p -> p.launch() != null).forEach(p -> {
            workers.computeIfAbsent(p.launch().engineName(), k -> new ArrayList<>()).add(p);
            types.putIfAbsent(p.launch().engineName(), p.launch().engineType());
        });
        Set<String> names = engineNames(config);

        List<String> queues = new ArrayList<>();
        for (String name : names) {
            queues.add(EngineConfig.queueOf(name));
            queues.add(ErrorQueue.of(name));
        }
        Map<String, QueueDepth> depths = probe.depths(queues);

        List<EngineNode> nodes = new ArrayList<>();
        List<PipelineView.Edge> edges = new ArrayList<>();
        for (String name : names) {
            EngineConfig engine = config.engines().get(name);
            List<String> next = engine == null ? List.of() : engine.next();
            boolean balanced = engine != null && engine.nextBalanced();
            for (String to : new LinkedHashSet<>(next)) edges.add(new PipelineView.Edge(name, to, balanced));
            nodes.add(node(name, types.get(name), workers.getOrDefault(name, List.of()), live, next, balanced,
                    depths));
        }
        return new PipelineView(wallClock.getAsLong(), nodes, edges);
    }

    /** Engines of a worker, of an {@code [engine:*]} section or of a {@code next}, sorted. */
    private static Set<String> engineNames(Configuration config) {
        Set<String> names = new TreeSet<>(config.engines().keySet());
        config.processes().filter(p -> p.launch() != null).forEach(p -> names.add(p.launch().engineName()));
        config.engines().values().forEach(e -> names.addAll(e.next()));
        return names;
    }

    private EngineNode node(String name, String type, List<ProcessConfig> processes, Map<String, ProcessInfo> live,
                            List<String> next, boolean balanced, Map<String, QueueDepth> depths) {
        long in = 0, out = 0, errored = 0, dropped = 0;
        double seconds = 0;
        int running = 0;
        List<String> namespecs = new ArrayList<>();
        for (ProcessConfig p : processes) {
            namespecs.add(p.namespec());
            ProcessInfo info = live.get(p.group() + ':' + p.name());
            if (info == null) continue;
            if (info.state() == ProcessState.RUNNING) running++;
            Map<String, Object> c = info.counters();
            in += number(c, CounterKeys.EVENTS_IN);
            out += number(c, CounterKeys.EVENTS_OUT);
            errored += number(c, CounterKeys.ERRORED);
            dropped += number(c, CounterKeys.DROPPED);
            seconds += decimal(c, CounterKeys.PROCESSING_SECONDS);
        }
        return new EngineNode(name, type, namespecs, running, processes.size(), in, out, errored, dropped,
                rates.rate(name + "/in", in), rates.rate(name + "/out", out), in == 0 ? 0 : seconds / in,
                next, balanced, depths.get(EngineConfig.queueOf(name)), depths.get(ErrorQueue.of(name)));
    }

    /** A counter as a long; 0 when absent (a process that is not an engine worker). */
    public static long number(Map<String, Object> counters, String key) {
        return counters != null && counters.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static double decimal(Map<String, Object> counters, String key) {
        return counters != null && counters.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
