package dev.orchestrator.control.client;

import dev.orchestrator.control.protocol.ProcessRow;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** supervisorctl's text layouts ({@code status}, {@code avail}) and the {@code --json} form of a process. */
public final class StatusTable {

    private StatusTable() {}

    /**
     * {@code status} lines: the namespec padded to max(30, longest namespec) + 3, the state padded to 10, then the
     * description, as supervisorctl's {@code '%(namespec)-Ns%(state)-10s%(desc)s'}.
     */
    public static List<String> lines(List<ProcessRow> processes) {
        int width = 30;
        for (ProcessRow p : processes) width = Math.max(width, p.namespec().length());
        List<String> lines = new ArrayList<>(processes.size());
        for (ProcessRow p : processes) {
            lines.add(padded(p.namespec(), width + 3) + padded(p.state().name(), 10) + p.description());
        }
        return lines;
    }

    /** {@code text} left-aligned in {@code width} columns, as {@code %-Ns} (java.util.Formatter costs a CLI's start-up). */
    private static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** {@code avail} line: {@code '%(name)-32s %(inuse)-9s %(autostart)-9s %(group_prio)s:%(process_prio)s'}. */
    public static String availLine(ConfigInfo c) {
        String name = c.group().equals(c.name()) ? c.name() : c.group() + ':' + c.name();
        return String.format("%-32s %-9s %-9s %d:%d", name, c.inuse() ? "in use" : "avail",
                c.autostart() ? "auto" : "manual", c.groupPriority(), c.processPriority());
    }

    /**
     * One process for {@code status --json}: identity, state, description, pid, uptime, times, which way it runs and
     * why, and counters.
     */
    public static Map<String, Object> json(ProcessInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.namespec());
        m.put("group", p.group());
        m.put("process", p.name());
        m.put("state", p.state().name());
        m.put("statecode", p.state().code());
        m.put("description", p.description());
        m.put("pid", p.pid());
        m.put("uptime", p.uptime());
        m.put("start", p.start());
        m.put("stop", p.stop());
        m.put("exitstatus", p.exitstatus());
        m.put("spawnerr", p.spawnerr());
        m.put("stdout_logfile", p.stdoutLogfile());
        m.put("stderr_logfile", p.stderrLogfile());
        m.put("program", p.program());
        m.put("runs_as", p.runsAs());
        m.put("reason", p.reason());
        m.put("counters", p.counters() == null ? Map.of() : p.counters());
        return m;
    }
}
