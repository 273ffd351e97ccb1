package dev.orchestrator.metrics;

import dev.orchestrator.pipeline.EngineNode;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.pipeline.PipelineView;
import dev.orchestrator.pipeline.QueueDepth;
import dev.orchestrator.runtime.CounterKeys;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's own metrics, read at scrape time from one {@link Supervisor#allProcessInfo()} and one
 * {@link Pipeline#view()} (nothing is counted on the workers' paths beyond their own counters): per process its
 * state, up, restarts and uptime; per engine worker its event counters, beats, reconnects and processing-time
 * histogram; per engine its queue's and error queue's depth and consumers; the processes by state. Names and labels
 * follow Prometheus' conventions (base units, {@code _total} counters).
 */
final class PipelineCollector implements MultiCollector {

    /** A worker counter ({@link CounterKeys}) exported as the counter {@code name} (the writer adds _total). */
    private record WorkerCounter(String key, String name, String help) {}

    private static final List<WorkerCounter> WORKER_COUNTERS = List.of(
        new WorkerCounter(CounterKeys.EVENTS_IN, "orchestrator_worker_events_in", "Events the worker processed."),
        new WorkerCounter(CounterKeys.EVENTS_OUT, "orchestrator_worker_events_out",
                "Messages the worker published: to its next engines and its error queue."),
        new WorkerCounter(CounterKeys.DROPPED, "orchestrator_worker_events_dropped", "Events the worker's task dropped."),
        new WorkerCounter(CounterKeys.ERRORED, "orchestrator_worker_events_errored",
                "Events the worker sent to its error queue."),
        new WorkerCounter(CounterKeys.BEATS, "orchestrator_worker_beats", "Beats the worker ran."),
        new WorkerCounter(CounterKeys.RECONNECTS, "orchestrator_worker_reconnects",
                "Times the worker reconnected to the broker."));

    private final Supervisor supervisor;
    private final Pipeline pipeline;

    PipelineCollector(Supervisor supervisor, Pipeline pipeline) {
        this.supervisor = supervisor;
        this.pipeline = pipeline;
    }

    @Override
    public MetricSnapshots collect() {
        List<ProcessInfo> processes = supervisor.allProcessInfo();
        PipelineView view = pipeline.view();
        Map<String, String> engineOf = new HashMap<>();
        for (EngineNode e : view.engines()) for (String w : e.workers()) engineOf.put(w, e.name());
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        processMetrics(processes, all);
        workerMetrics(processes, engineOf, all);
        queueMetrics(view, all);
        return all.build();
    }

    private static void processMetrics(List<ProcessInfo> processes, MetricSnapshots.Builder all) {
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("orchestrator_process_state")
                .help("supervisord's state code: 0 STOPPED, 10 STARTING, 20 RUNNING, 30 BACKOFF, 40 STOPPING, "
                        + "100 EXITED, 200 FATAL, 1000 UNKNOWN.");
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name("orchestrator_process_up")
                .help("1 when the process is RUNNING.");
        CounterSnapshot.Builder restarts = CounterSnapshot.builder().name("orchestrator_process_restarts")
                .help("Spawns of the process after its first.");
        GaugeSnapshot.Builder uptime = GaugeSnapshot.builder().name("orchestrator_process_uptime_seconds")
                .unit(Unit.SECONDS).help("Seconds since the process started, 0 when not running.");
        Map<ProcessState, Integer> byState = new EnumMap<>(ProcessState.class);
        for (ProcessState s : ProcessState.values()) byState.put(s, 0);
        for (ProcessInfo p : processes) {
            Labels labels = Labels.of("group", p.group(), "process", p.name());
            boolean running = p.state() == ProcessState.RUNNING;
            state.dataPoint(gauge(p.state().code(), labels));
            up.dataPoint(gauge(running ? 1 : 0, labels));
            restarts.dataPoint(counter(Pipeline.number(p.counters(), ProcessInfo.RESTARTS), labels));
            uptime.dataPoint(gauge(p.uptime(), labels));
            byState.merge(p.state(), 1, Integer::sum);
        }
        GaugeSnapshot.Builder count = GaugeSnapshot.builder().name("orchestrator_processes")
                .help("Processes in each state.");
        byState.forEach((s, n) -> count.dataPoint(gauge(n, Labels.of("state", s.name()))));
        all.metricSnapshot(state.build()).metricSnapshot(up.build()).metricSnapshot(restarts.build())
                .metricSnapshot(uptime.build()).metricSnapshot(count.build());
    }

    private static void workerMetrics(List<ProcessInfo> processes, Map<String, String> engineOf,
                                      MetricSnapshots.Builder all) {
        List<CounterSnapshot.Builder> counters = new ArrayList<>();
        for (WorkerCounter w : WORKER_COUNTERS) counters.add(CounterSnapshot.builder().name(w.name()).help(w.help()));
        HistogramSnapshot.Builder processing = HistogramSnapshot.builder()
                .name("orchestrator_worker_processing_seconds").unit(Unit.SECONDS)
                .help("Time the worker's task took per event.");
        for (ProcessInfo p : processes) {
            String engine = engineOf.get(p.namespec());
            Map<String, Object> c = p.counters();
            if (engine == null || c == null || !c.containsKey(CounterKeys.EVENTS_IN)) continue;
            Labels labels = Labels.of("engine", engine, "group", p.group(), "process", p.name());
            for (int i = 0; i < WORKER_COUNTERS.size(); i++) {
                counters.get(i).dataPoint(counter(Pipeline.number(c, WORKER_COUNTERS.get(i).key()), labels));
            }
            if (c.get(CounterKeys.PROCESSING_HISTOGRAM) instanceof Map<?, ?> histogram && !histogram.isEmpty()) {
                processing.dataPoint(HistogramDataPointSnapshot.builder().labels(labels)
                        .classicHistogramBuckets(buckets(histogram))
                        .sum(c.get(CounterKeys.PROCESSING_SECONDS) instanceof Number n ? n.doubleValue() : 0)
                        .build());
            }
        }
        counters.forEach(b -> all.metricSnapshot(b.build()));
        all.metricSnapshot(processing.build());
    }

    /** The worker's cumulative counts by upper bound as the client's per-bucket counts. */
    private static ClassicHistogramBuckets buckets(Map<?, ?> cumulative) {
        double[] bounds = new double[cumulative.size()];
        long[] counts = new long[cumulative.size()];
        int i = 0;
        long previous = 0;
        for (Map.Entry<?, ?> e : cumulative.entrySet()) {
            String bound = String.valueOf(e.getKey());
            bounds[i] = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            long total = ((Number) e.getValue()).longValue();
            counts[i++] = Math.max(0, total - previous);
            previous = total;
        }
        return ClassicHistogramBuckets.of(bounds, counts);
    }

    private static void queueMetrics(PipelineView view, MetricSnapshots.Builder all) {
        GaugeSnapshot.Builder messages = GaugeSnapshot.builder().name("orchestrator_queue_messages")
                .help("Messages ready in the engine's queue (kind input) or error queue (kind errors).");
        GaugeSnapshot.Builder consumers = GaugeSnapshot.builder().name("orchestrator_queue_consumers")
                .help("Consumers of the queue.");
        for (EngineNode e : view.engines()) {
            queue(e.name(), "input", e.queue(), messages, consumers);
            queue(e.name(), "errors", e.errorQueue(), messages, consumers);
        }
        all.metricSnapshot(messages.build()).metricSnapshot(consumers.build());
    }

    private static void queue(String engine, String kind, QueueDepth depth, GaugeSnapshot.Builder messages,
                              GaugeSnapshot.Builder consumers) {
        if (depth == null || depth.messages() == null) return;
        Labels labels = Labels.of("engine", engine, "kind", kind, "queue", depth.name());
        messages.dataPoint(gauge(depth.messages(), labels));
        consumers.dataPoint(gauge(depth.consumers(), labels));
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static CounterDataPointSnapshot counter(double value, Labels labels) {
        return CounterDataPointSnapshot.builder().value(value).labels(labels).build();
    }
}
