package dev.orchestrator.cli.check;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The human-readable form of a {@link CheckReport}: the plan, then notes, warnings, errors and a summary line. */
public final class CheckReportText {

    private final PrintWriter out;

    private CheckReportText(PrintWriter out) {
        this.out = out;
    }

    public static void print(CheckReport report, PrintWriter out) {
        new CheckReportText(out).report(report);
        out.flush();
    }

    private void report(CheckReport r) {
        out.println("configuration " + r.configuration());
        CheckReport.Broker b = r.broker();
        out.println("broker        " + (b.embedded() ? "embedded" : b.uri()) + " (exchanges " + b.exchange()
                + ".events, " + b.exchange() + ".alerts)");
        CheckReport.Daemon d = r.daemon();
        out.println("daemon        log " + d.logfile() + " (" + size(d.logfileMaxBytes(), d.logfileBackups())
                + ", level " + d.loglevel() + "), pid " + d.pidfile() + ", socket " + d.socket());
        for (CheckReport.Group g : r.groups()) {
            out.println();
            int processes = g.programs().stream().mapToInt(p -> p.processes().size()).sum();
            out.println("group " + g.name() + " (priority " + g.priority() + "): " + count(g.programs().size(),
                    "program") + ", " + count(processes, "process"));
            g.programs().forEach(this::program);
        }
        if (!r.unusedEngines().isEmpty()) {
            out.println();
            out.println("engine sections no program runs:");
            r.unusedEngines().forEach(e -> engine(e, "  "));
        }
        findings("notes", r.notes());
        findings("warnings", r.warnings());
        findings("errors", r.errors());
        out.println();
        out.println(count(r.programCount(), "program") + ", " + count(r.processCount(), "process") + " in "
                + count(r.groups().size(), "group") + ": " + count(r.errors().size(), "error") + ", "
                + count(r.warnings().size(), "warning") + ", " + count(r.notes().size(), "note"));
        out.println("programs by way: " + r.programsByWay().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    }

    private void program(CheckReport.Program p) {
        out.println("  program " + p.name() + " (priority " + p.priority() + "): " + p.runsAs() + ", " + p.reason());
        if (p.engine() == null) {
            out.println("    engine   (none: the command is not a valid engine-launcher command)");
        } else {
            engine(p.engine(), "    ");
        }
        for (CheckReport.Process pr : p.processes()) {
            out.println("    process  " + pr.name() + ": worker " + Objects.toString(pr.worker(), "?") + ", level "
                    + Objects.toString(pr.logLevel(), "?") + ", " + (pr.autostart() ? "autostart" : "no autostart")
                    + ", autorestart " + pr.autorestart() + " (exitcodes " + pr.exitcodes().stream()
                    .map(String::valueOf).collect(Collectors.joining(",")) + "), startsecs " + pr.startsecs()
                    + ", startretries " + pr.startretries() + ", stopwaitsecs " + pr.stopwaitsecs());
            out.println("             " + logs(pr.stdoutLog(), pr.stderrLog()));
        }
    }

    private void engine(CheckReport.Engine e, String indent) {
        out.println(indent + "engine   " + e.name() + (e.type() == null ? "" : ", type " + e.type()));
        out.println(indent + "queue    " + e.queue() + " (" + queueType(e) + "), bound to " + e.bindings().stream()
                .map(b -> b.exchange() + " with '" + b.routingKey() + "'").collect(Collectors.joining(", "))
                + (e.queueArguments().isEmpty() ? "" : ", arguments " + e.queueArguments()));
        out.println(indent + "next     " + (e.next().isEmpty() ? "-" : String.join(", ", e.next())
                + (e.nextBalanced() && e.next().size() > 1 ? " (balanced: one of them per event)" : "")));
        out.println(indent + "tasks    event_processing " + Objects.toString(e.eventProcessing(), "-")
                + ", beat_processing " + Objects.toString(e.beatProcessing(), "-") + "; "
                + (e.beatInterval() == 0 ? "no beat" : "beat every " + e.beatInterval() + " s") + ", prefetch "
                + e.prefetch() + params(e.params()));
    }

    /** Quorum queues on RabbitMQ; the embedded broker has only classic ones (docs/runtime.md, "Delivery limit"). */
    private static String queueType(CheckReport.Engine e) {
        return e.queueType().equals("quorum")
                ? "quorum on RabbitMQ, redelivered at most " + e.maxRetries() + " times, then to " + e.queue() + ".errors"
                : e.queueType();
    }

    private static String params(Map<String, String> params) {
        return params.isEmpty() ? "" : "; params " + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", "));
    }

    private static String logs(CheckReport.Log stdout, CheckReport.Log stderr) {
        String out = "stdout " + log(stdout);
        if (Objects.equals(stdout, stderr)) return out + ", stderr the same";
        return out + ", stderr " + log(stderr);
    }

    private static String log(CheckReport.Log log) {
        if (log == null) return "none";
        return log.path() + (log.auto() ? " (AUTO" + ", " : " (") + size(log.maxBytes(), log.backups()) + ")";
    }

    private void findings(String title, List<CheckReport.Finding> findings) {
        if (findings.isEmpty()) return;
        out.println();
        out.println(title + " (" + findings.size() + "):");
        findings.forEach(f -> out.println("  " + f.text()));
    }

    private static String size(long bytes, int backups) {
        String max = bytes == 0 ? "no rotation" : "rotated at " + bytes(bytes);
        return max + ", " + count(backups, "backup");
    }

    static String bytes(long n) {
        if (n % (1L << 30) == 0) return n / (1L << 30) + "GB";
        if (n % (1L << 20) == 0) return n / (1L << 20) + "MB";
        if (n % (1L << 10) == 0) return n / (1L << 10) + "KB";
        return n + " bytes";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
