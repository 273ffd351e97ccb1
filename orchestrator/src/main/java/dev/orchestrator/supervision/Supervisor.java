package dev.orchestrator.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's control surface, modelled on supervisord's XML-RPC interface: the control socket translates
 * requests into these calls. Names here are exact (group, process); the CLI resolves {@code group:*} and bare
 * names through {@link #allProcessInfo()}.
 */
public interface Supervisor {

    /** Every process, in lexical (group, name) order. */
    List<ProcessInfo> allProcessInfo();

    ProcessInfo processInfo(String group, String name) throws Fault;

    /** Starts one process; with {@code wait}, returns once RUNNING or throws SPAWN_ERROR / ABNORMAL_TERMINATION. */
    void startProcess(String group, String name, boolean wait) throws Fault;

    /** Stops one process; with {@code wait}, returns once it is in a stopped state. */
    void stopProcess(String group, String name, boolean wait) throws Fault;

    /** Empties the process's log files. */
    void clearProcessLogs(String group, String name) throws Fault;

    /** Re-reads the configuration: names of groups [added, changed, removed]. */
    List<List<String>> reloadConfig() throws Fault;

    void addProcessGroup(String group) throws Fault;

    void removeProcessGroup(String group) throws Fault;

    /**
     * {@code update} of a group that {@link #reloadConfig()} reported changed: applies the configuration it read,
     * stopping what must stop, and returns the namespecs of the processes it stopped. An implementation that can
     * should replace only the processes whose settings changed (adding and removing processes as the new
     * configuration says) and leave the others running; this default does what supervisord does: it stops the
     * whole group, removes it and adds it again.
     */
    default List<String> updateProcessGroup(String group) throws Fault {
        List<String> stopped = new ArrayList<>();
        for (ProcessInfo p : allProcessInfo()) {
            if (!p.group().equals(group) || !p.state().isRunning()) continue;
            stopProcess(p.group(), p.name(), true);
            stopped.add(p.namespec());
        }
        removeProcessGroup(group);
        addProcessGroup(group);
        return stopped;
    }

    /** Stops everything (reverse priority), re-reads the configuration and starts again. */
    void restart() throws Fault;

    /** Graceful stop of every worker, then the daemon exits. */
    void shutdown() throws Fault;

    /** The daemon's pid. */
    long pid();

    /** Flattened configuration of every process for {@code avail}: in use, autostart, priorities. */
    List<ConfigInfo> allConfigInfo();

    record ConfigInfo(String name, String group, boolean inuse, boolean autostart, int groupPriority, int processPriority) {}
}
