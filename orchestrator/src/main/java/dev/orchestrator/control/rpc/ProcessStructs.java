package dev.orchestrator.control.rpc;

import dev.orchestrator.config.Autorestart;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.LogSpec;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.xmlrpc.RpcFault;
import dev.orchestrator.xmlrpc.RpcFault.Faults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The structs of supervisord's {@code supervisor/rpcinterface.py}, with its keys in its order. */
final class ProcessStructs {

    private ProcessStructs() { }

    /**
     * {@code getProcessInfo}: times in epoch seconds, {@code logfile} the stdout log (b/c alias), {@code pid} the
     * real one of a child process, the synthetic one of a worker thread (docs/control.md), 0 when not running.
     */
    static Map<String, Object> info(ProcessInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("group", p.group());
        m.put("start", p.start());
        m.put("stop", p.stop());
        m.put("now", p.now());
        m.put("state", p.state().code());
        m.put("statename", p.state().name());
        m.put("spawnerr", p.spawnerr() == null ? "" : p.spawnerr());
        m.put("exitstatus", p.exitstatus());
        String stdout = p.stdoutLogfile() == null ? "" : p.stdoutLogfile();
        m.put("logfile", stdout);
        m.put("stdout_logfile", stdout);
        m.put("stderr_logfile", p.stderrLogfile() == null ? "" : p.stderrLogfile());
        m.put("pid", p.pid());
        m.put("description", p.description());
        return m;
    }

    /** An item of a many-process call's result ({@code make_allfunc}): SUCCESS with {@code OK}, or the fault. */
    static Map<String, Object> outcome(ProcessInfo p, RpcFault fault) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("group", p.group());
        m.put("status", fault == null ? Faults.SUCCESS.code : fault.code());
        m.put("description", fault == null ? "OK" : fault.getMessage());
        return m;
    }

    /**
     * {@code getAllConfigInfo}, in supervisord's order (groups by priority, then name; a group's processes as its
     * {@code programs=} lists them: {@code options.py process_groups_from_parser}): what a worker thread does not
     * have (uid, stop signal, capture buffers, syslog, events) has supervisord's default, {@code none} stands for
     * null as there, and a child process's {@code command} is its command line split and expanded, joined again.
     */
    static List<Map<String, Object>> configInfo(Configuration configuration, Set<String> groupsInUse) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (GroupConfig g : configuration.groups()) {
            for (ProcessConfig p : g.processes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("autostart", p.autostart());
                m.put("autorestart", autorestart(p.autorestart()));
                m.put("directory", p.directory() == null ? "none" : p.directory());
                m.put("uid", "none");
                m.put("command", command(p));
                m.put("exitcodes", p.exitcodes().stream().sorted().toList());
                m.put("group", g.name());
                m.put("group_prio", g.priority());
                m.put("inuse", groupsInUse.contains(g.name()));
                m.put("killasgroup", false);
                m.put("name", p.name());
                m.put("process_prio", p.priority());
                m.put("redirect_stderr", p.redirectStderr());
                m.put("startretries", p.startretries());
                m.put("startsecs", p.startsecs());
                log(m, "stdout", p.stdoutLog());
                m.put("stopsignal", 15);
                m.put("stopwaitsecs", p.stopwaitsecs());
                log(m, "stderr", p.stderrLog());
                m.put("serverurl", "AUTO");
                all.add(m);
            }
        }
        return all;
    }

    private static void log(Map<String, Object> m, String channel, LogSpec log) {
        m.put(channel + "_capture_maxbytes", 0);
        m.put(channel + "_events_enabled", false);
        m.put(channel + "_logfile", log == null || log.path() == null ? "none" : log.path().toString());
        m.put(channel + "_logfile_backups", log == null ? 0 : log.backups());
        m.put(channel + "_logfile_maxbytes", log == null ? 0 : log.maxBytes());
        m.put(channel + "_syslog", false);
    }

    private static Object autorestart(Autorestart a) {
        return switch (a) {
            case UNEXPECTED -> "unexpected";
            case TRUE -> true;
            case FALSE -> false;
        };
    }

    private static String command(ProcessConfig p) {
        if (p.execution() instanceof Execution.Child child) return String.join(" ", child.argv());
        LaunchSpec launch = p.launch();
        if (launch == null) return "none";
        return "engine-launcher -e " + launch.engineType() + " -n " + launch.engineName() + " -w " + launch.worker()
                + " -l "
                + launch.logLevel().toLowerCase(java.util.Locale.ROOT);
    }
}
