package dev.orchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results: each figure's value in every run, its median (the figure reported), figures derived from
 * medians (ratios), the goals, the machine and the settings; written as logs/bench.json, a console table and the
 * README's short table.
 */
final class Report {

    /**
     * A line of the tables: what it measures, the orchestrator's figure, PerfTest's figure beside it (or null), the
     * goal (or null); a diagnostic line (CPU costs, backlogs: what explains the figures) is left out of the README.
     */
    record Row(String label, String figure, String reference, Goal goal, boolean diagnostic) {
        Row(String label, String figure, String reference, Goal goal) {
            this(label, figure, reference, goal, false);
        }

        static Row diagnostic(String label, String figure, String reference) {
            return new Row(label, figure, reference, null, true);
        }
    }

    static final List<Goal> GOALS = List.of(
            Goal.atLeast("hop1_ratio", 0.9),
            Goal.atLeast("hop3_ratio", 0.9),
            Goal.atMost("cpu_hop3_per_hop_vs_hop1", 1.2),
            Goal.atMost("cpu_4w_vs_1w", 1.2),
            Goal.atMost("cpu_hop1_vs_perftest", 1.0),
            Goal.atMostTimes("hop1_p99_ms", 2, "perftest_p99_ms"),
            Goal.atMost("rss_mb_100_workers", 300),
            Goal.atMost("start_100_workers_s", 3),
            Goal.atMost("status_cli_ms", 300),
            Goal.atMost("status_vs_supervisorctl", 0.5),
            Goal.atMost("rss_mb_1000_workers", 400),
            Goal.atMost("start_1000_workers_s", 3),
            Goal.atMost("status_cli_1000_ms", 500),
            Goal.atLeast("pydrain_rate_ratio", 1),
            Goal.atMost("pydrain_cpu_ratio", 0.5));

    static final List<Row> ROWS = List.of(
            new Row("1 queue, msg/s (PerfTest)", null, "perftest_msgs_per_s", null),
            new Row("1 hop, events/s", "hop1_events_per_s", "perftest_2q_per_queue_msgs_per_s", null),
            new Row("1 hop / PerfTest 2 queues", "hop1_ratio", null, goal("hop1_ratio")),
            new Row("3 hops, events/s", "hop3_events_per_s", "perftest_4q_per_queue_msgs_per_s", null),
            new Row("3 hops / PerfTest 4 queues", "hop3_ratio", null, goal("hop3_ratio")),
            new Row("CPU per event-hop, 3 hops / 1 hop", "cpu_hop3_per_hop_vs_hop1", null, goal("cpu_hop3_per_hop_vs_hop1")),
            new Row("CPU per event, 4 workers / 1 worker", "cpu_4w_vs_1w", null, goal("cpu_4w_vs_1w")),
            new Row("CPU per event, 1 hop / PerfTest per message", "cpu_hop1_vs_perftest", null,
                    goal("cpu_hop1_vs_perftest")),
            new Row("1 hop p50 at 2000/s, ms", "hop1_p50_ms", "perftest_p50_ms", null),
            new Row("1 hop p99 at 2000/s, ms", "hop1_p99_ms", "perftest_p99_ms", goal("hop1_p99_ms")),
            new Row("1 engine x 1 worker, events/s", "scaling_1w_events_per_s", null, null),
            new Row("1 engine x 2 workers, events/s", "scaling_2w_events_per_s", null, null),
            new Row("1 engine x 4 workers, events/s", "scaling_4w_events_per_s", null, null),
            new Row("RSS, 100 idle workers, MiB", "rss_mb_100_workers", null, goal("rss_mb_100_workers")),
            new Row("start 100 workers, s", "start_100_workers_s", null, goal("start_100_workers_s")),
            new Row("100 workers consuming, s", "ready_100_workers_s", null, null),
            new Row("orchestrator status, ms", "status_cli_ms", null, goal("status_cli_ms")),
            new Row("supervisorctl status (100 processes), ms", "supervisorctl_status_ms", null, null),
            new Row("status / supervisorctl status", "status_vs_supervisorctl", null, goal("status_vs_supervisorctl")),
            new Row("RSS, 1,000 idle workers, MiB", "rss_mb_1000_workers", null, goal("rss_mb_1000_workers")),
            new Row("memory per idle worker, KiB", "idle_worker_kib", null, null),
            new Row("start 1,000 workers, s", "start_1000_workers_s", null, goal("start_1000_workers_s")),
            new Row("orchestrator status, 1,000 workers, ms", "status_cli_1000_ms", null, goal("status_cli_1000_ms")),
            new Row("broker connections, 1,000 workers", "broker_connections_1000_workers", null, null),
            new Row("drain 200,000 preloaded, events/s (vs Python engine)", "pydrain_daemon_events_per_s",
                    "pydrain_python_events_per_s", null),
            new Row("drain rate / Python engine's", "pydrain_rate_ratio", null, goal("pydrain_rate_ratio")),
            new Row("drain, CPU us/event (vs Python engine)", "pydrain_daemon_cpu_us_per_event",
                    "pydrain_python_cpu_us_per_event", null),
            new Row("drain CPU per event / Python engine's", "pydrain_cpu_ratio", null, goal("pydrain_cpu_ratio")),
            new Row("drain, peak RSS, MiB (vs Python engine)", "pydrain_daemon_rss_mb", "pydrain_python_rss_mb", null),
            new Row("PSS, 20 workers (vs 20 Python engines + supervisord), MiB", "pymemory_20_daemon_pss_mb",
                    "pymemory_20_python_pss_mb", null),
            new Row("PSS, 100 workers (vs 100 Python engines + supervisord), MiB", "pymemory_100_daemon_pss_mb",
                    "pymemory_100_python_pss_mb", null),
            Row.diagnostic("CPU us/event, 1 hop daemon", "hop1_daemon_cpu_us_per_event", "perftest_2q_cpu_us_per_msg"),
            Row.diagnostic("CPU us/event, 3 hops daemon", "hop3_daemon_cpu_us_per_event", "perftest_4q_cpu_us_per_msg"),
            Row.diagnostic("1st queue backlog, 1 hop", "hop1_backlog", null),
            Row.diagnostic("1st queue backlog, 3 hops", "hop3_backlog", null),
            Row.diagnostic("1st queue backlog growth over the window, 1 hop", "hop1_backlog_growth", null),
            Row.diagnostic("1st queue backlog growth over the window, 3 hops", "hop3_backlog_growth", null),
            Row.diagnostic("CPU s of daemon, start 100", "start_100_workers_daemon_cpu_s", null),
            Row.diagnostic("CPU ms, orchestrator status", "status_cli_cpu_ms", null),
            Row.diagnostic("start 100 again (warm daemon), s", "restart_100_workers_s", null),
            Row.diagnostic("drain, broker CPU us/event (vs Python)", "pydrain_daemon_broker_cpu_us_per_event",
                    "pydrain_python_broker_cpu_us_per_event"),
            Row.diagnostic("RSS sum, 20 workers (vs Python), MiB", "pymemory_20_daemon_rss_mb", "pymemory_20_python_rss_mb"),
            Row.diagnostic("RSS sum, 100 workers (vs Python), MiB", "pymemory_100_daemon_rss_mb",
                    "pymemory_100_python_rss_mb"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, Double> derived = new LinkedHashMap<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private static Goal goal(String figure) {
        return GOALS.stream().filter(g -> g.figure().equals(figure)).findFirst().orElseThrow();
    }

    /** One run's value of {@code figure}. */
    void add(String figure, double value) {
        samples.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
    }

    /** The ratios of CPU costs that the goals bound, from whichever of their figures were measured. */
    void deriveCpuRatios() {
        double hop1 = value("hop1_daemon_cpu_us_per_event");
        ratio("cpu_hop3_per_hop_vs_hop1", value("hop3_daemon_cpu_us_per_event") / 3, hop1);
        ratio("cpu_4w_vs_1w", value("scaling_4w_daemon_cpu_us_per_event"), hop1);
        ratio("cpu_hop1_vs_perftest", hop1, value("perftest_2q_cpu_us_per_msg"));
    }

    private void ratio(String figure, double value, double reference) {
        if (!Double.isNaN(value) && !Double.isNaN(reference)) derive(figure, value / reference);
    }

    /** A figure computed from others (a ratio of medians). */
    void derive(String figure, double value) {
        derived.put(figure, value);
    }

    /** The figure: the median of its runs, or its derived value; NaN when not measured. */
    double value(String figure) {
        if (derived.containsKey(figure)) return derived.get(figure);
        List<Double> runs = samples.get(figure);
        return runs == null ? Double.NaN : Stats.median(runs);
    }

    void machine(String key, Object value) { machine.put(key, value); }

    void setting(String key, Object value) { settings.put(key, value); }

    /** A scenario that failed: the others still report. */
    void error(String scenario, Exception e) {
        errors.add(scenario + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    List<String> errors() { return errors; }

    /** The JSON document: every figure at the top level, then goals, runs, machine and settings. */
    Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (String figure : figures()) doc.put(figure, number(value(figure)));
        Map<String, Double> scaling = new LinkedHashMap<>();
        for (int workers : new int[] {1, 2, 4}) {
            double v = value("scaling_" + workers + "w_events_per_s");
            if (!Double.isNaN(v)) scaling.put(Integer.toString(workers), Stats.round(v, 1));
        }
        doc.put("scaling_events_per_s", scaling);
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Goal g : GOALS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("figure", g.figure());
            entry.put("goal", g.describe());
            entry.put("target", number(g.target(this)));
            entry.put("value", number(value(g.figure())));
            entry.put("met", g.met(this));
            goals.add(entry);
        }
        doc.put("goals", goals);
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        samples.forEach((figure, values) -> runs.put(figure, values.stream().map(Report::number).toList()));
        doc.put("runs", runs);
        doc.put("machine", machine);
        doc.put("settings", settings);
        doc.put("errors", errors);
        return doc;
    }

    /** A figure for JSON: rounded to 3 decimals, null when not measured. */
    private static Double number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Stats.round(v, 3);
    }

    private List<String> figures() {
        List<String> names = new ArrayList<>(samples.keySet());
        derived.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), json());
    }

    /** The console table: every row, with the goal and whether it is met. */
    List<String> table() {
        String format = "%-32s %12s %12s %18s %5s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "", "orchestrator", "PerfTest/Py", "goal", "met"));
        for (Row row : ROWS) {
            if (Double.isNaN(value(row.figure() == null ? row.reference() : row.figure()))) continue;
            Boolean met = row.goal() == null ? null : row.goal().met(this);
            lines.add(String.format(Locale.ROOT, format, row.label(), cell(row.figure()), cell(row.reference()),
                    row.goal() == null ? "" : row.goal().describe(), met == null ? "" : met ? "yes" : "NO"));
        }
        return lines;
    }

    /** The README's short table, in Markdown. */
    String markdown(String caption) {
        StringBuilder md = new StringBuilder(caption).append("\n\n");
        md.append("| | orchestrator | PerfTest / Python | goal |\n|---|---:|---:|---|\n");
        for (Row row : ROWS) {
            if (row.diagnostic() || Double.isNaN(value(row.figure() == null ? row.reference() : row.figure()))) continue;
            Boolean met = row.goal() == null ? null : row.goal().met(this);
            String goal = row.goal() == null ? "" : row.goal().describe() + (met == null ? "" : met ? " ✓" : " ✗");
            md.append("| ").append(row.label()).append(" | ").append(cell(row.figure())).append(" | ")
                    .append(cell(row.reference())).append(" | ").append(goal).append(" |\n");
        }
        return md.toString();
    }

    /**
     * Replaces the text between {@code <!-- bench:begin -->} and {@code <!-- bench:end -->} in {@code readme} with
     * {@code markdown}, or appends a "Benchmark" section holding the markers when there are none.
     */
    static void updateReadme(Path readme, String markdown) throws IOException {
        String begin = "<!-- bench:begin -->";
        String end = "<!-- bench:end -->";
        String text = Files.isRegularFile(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
        String block = begin + "\n" + markdown + end;
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        String updated = b >= 0 && e > b ? text.substring(0, b) + block + text.substring(e + end.length())
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n## Benchmark\n\n" + block + "\n";
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }

    private String cell(String figure) {
        return figure == null ? "" : format(value(figure));
    }

    /** A figure for a table: whole numbers as such, no decimals from 100 on, 1 from 10, else 2; "-" when missing. */
    static String format(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
