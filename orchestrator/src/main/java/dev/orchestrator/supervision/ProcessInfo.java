package dev.orchestrator.supervision;

import dev.orchestrator.config.ProcessConfig;
import java.util.Map;

/**
 * A snapshot of one process, as supervisord's {@code getProcessInfo}: times are epoch seconds (0 = never),
 * {@code pid} is a child process's real pid or a thread's synthetic id (0 when not running), {@code description}
 * follows supervisorctl's rules, {@code counters} come from the worker. {@code program} is the {@code [program:x]}
 * it comes from; {@code runsAs} ({@code thread}, {@code process}, {@code jvm}) and {@code reason} say which way it
 * runs and why (check's choice).
 */
public record ProcessInfo(
        String name,
        String group,
        ProcessState state,
        long start,
        long stop,
        long now,
        String spawnerr,
        int exitstatus,
        long pid,
        String description,
        String stdoutLogfile,
        String stderrLogfile,
        Map<String, Object> counters,
        String program,
        String runsAs,
        String reason) {

    /** A process whose program and way are not known (made in tests). */
    public ProcessInfo(String name, String group, ProcessState state, long start, long stop, long now, String spawnerr,
                       int exitstatus, long pid, String description, String stdoutLogfile, String stderrLogfile,
                       Map<String, Object> counters) {
        this(name, group, state, start, stop, now, spawnerr, exitstatus, pid, description, stdoutLogfile,
                stderrLogfile, counters, null, null, null);
    }

    /** The counter the supervisor adds to every process's {@code counters}: spawns after the first. */
    public static final String RESTARTS = "restarts";

    /** Seconds a RUNNING process has been up (0 in any other state, never negative). */
    public long uptime() {
        return state == ProcessState.RUNNING ? Math.max(0, now - start) : 0;
    }

    public String namespec() { return ProcessConfig.namespec(group, name); }
}
