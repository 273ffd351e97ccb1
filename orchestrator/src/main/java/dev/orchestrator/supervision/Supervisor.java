package dev.orchestrator.supervision;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The daemon's control surface, modelled on supervisord's XML-RPC interface: the control socket translates
 * requests into these calls. Names here are exact (group, process); the CLI resolves {@code group:*} and bare
 * names through {@link #allProcessInfo()}.
 */
public interface Supervisor {

    /**
     * Every process, in lexical (group, name) order, its counters without the live ones: what name resolution, the
     * status table and metrics read, which therefore touch neither /proc nor a thread group per process.
     */
    List<ProcessInfo> allProcessInfo();

    /**
     * {@link #allProcessInfo()} with each process's live counters too, counted now ({@code task_threads} of a thread,
     * {@code fds} and {@code threads} of a child process, docs/control.md): for {@code status --json} and the REST
     * API, which show them.
     */
    List<ProcessInfo> liveProcessInfo();

    /** {@link #processInfo} with the process's live counters, counted now (as {@link #liveProcessInfo()}). */
    ProcessInfo liveProcessInfo(String group, String name) throws Fault;

    ProcessInfo processInfo(String group, String name) throws Fault;

    /** Starts one process; with {@code wait}, returns once RUNNING or throws SPAWN_ERROR / ABNORMAL_TERMINATION. */
    void startProcess(String group, String name, boolean wait) throws Fault;

    /**
     * Starts {@code processes} (each by its group and name) in the order given, without waiting: each one's outcome
     * completes with null once it is RUNNING, or with the fault {@link #startProcess} would throw (also at once, for
     * one that cannot start: ALREADY_STARTED, BAD_NAME...).
     *
     * @throws Fault SHUTDOWN_STATE
     */
    List<CompletableFuture<Fault>> startProcesses(List<ProcessInfo> processes) throws Fault;

    /** Stops one process; with {@code wait}, returns once it is in a stopped state. */
    void stopProcess(String group, String name, boolean wait) throws Fault;

    /**
     * supervisord's {@code signalProcess}: sends {@code signal} (a name such as {@code HUP} or {@code SIGHUP}, or a
     * number) to a process in STARTING, RUNNING or STOPPING. A child process gets the real signal (its process
     * group with {@code stopasgroup}); a worker thread takes TERM, INT and QUIT as a request to end (as its engine
     * would on SIGTERM) and refuses the others with FAILED.
     *
     * @throws Fault BAD_NAME, BAD_SIGNAL, NOT_RUNNING, FAILED
     */
    void signalProcess(String group, String name, String signal) throws Fault;

    /**
     * supervisord's {@code sendProcessStdin}: writes {@code chars} to the standard input of a STARTING or RUNNING
     * process, on the caller's thread. A child process reads it from its pipe; a worker thread has none.
     *
     * @throws Fault BAD_NAME, NOT_RUNNING, NO_FILE (a thread, or a child that closed its standard input)
     */
    void sendProcessStdin(String group, String name, byte[] chars) throws Fault;

    /** Empties the process's log files. */
    void clearProcessLogs(String group, String name) throws Fault;

    /** Re-reads the configuration: names of groups [added, changed, removed]. */
    ConfigChanges reloadConfig() throws Fault;

    void addProcessGroup(String group) throws Fault;

    void removeProcessGroup(String group) throws Fault;

    /**
     * {@code update} of a group that {@link #reloadConfig()} reported changed: applies the configuration it read,
     * replacing only the processes whose settings changed (adding and removing processes as it says) and leaving
     * the others running, where supervisord re-adds the whole group. Returns the namespecs of the processes it
     * stopped.
     */
    List<String> updateProcessGroup(String group) throws Fault;

    /** Stops everything (reverse priority), re-reads the configuration and starts again. */
    void restart() throws Fault;

    /** Graceful stop of every worker, then the daemon exits. */
    void shutdown() throws Fault;

    /** The daemon's own log file (supervisord's {@code logfile}), or null when it has none. */
    java.nio.file.Path logfile();

    /** The daemon's pid. */
    long pid();

    /** Flattened configuration of every process for {@code avail}: in use, autostart, priorities. */
    List<ConfigInfo> allConfigInfo();

    record ConfigInfo(String name, String group, boolean inuse, boolean autostart, int groupPriority, int processPriority) {}
}
