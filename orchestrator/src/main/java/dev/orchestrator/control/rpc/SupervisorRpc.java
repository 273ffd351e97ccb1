package dev.orchestrator.control.rpc;

import dev.orchestrator.control.protocol.Version;
import dev.orchestrator.supervision.Concurrently;
import dev.orchestrator.supervision.ConfigChanges;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.supervision.SupervisorState;
import dev.orchestrator.xmlrpc.Args;
import dev.orchestrator.xmlrpc.RpcFault;
import dev.orchestrator.xmlrpc.RpcFault.Faults;
import dev.orchestrator.xmlrpc.RpcMethods;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * supervisord's {@code supervisor.*} XML-RPC namespace ({@code supervisor/rpcinterface.py},
 * {@code SupervisorNamespaceRPCInterface}, API version 3.0) over the {@link SupervisorCore}: the same method names,
 * parameters, results, fault codes and fault strings. Every method but {@code sendRemoteCommEvent} is
 * SHUTDOWN_STATE while the daemon restarts or shuts down ({@code _update}). A start or stop with {@code wait}
 * answers once the process is RUNNING or stopped; a group's or everyone's act on every process at once and report
 * each outcome as it completes, as supervisord's deferred callbacks do, on the client's own connection thread.
 */
public final class SupervisorRpc {

    /** supervisord's {@code API_VERSION}: supervisorctl refuses any other. */
    static final String API_VERSION = "3.0";
    private static final String IDENTIFICATION = "supervisor";

    /** supervisord's {@code SIGNALLABLE_STATES}. */
    private static final Predicate<ProcessInfo> SIGNALLABLE = p -> p.state() == ProcessState.RUNNING
            || p.state() == ProcessState.STARTING || p.state() == ProcessState.STOPPING;

    private final SupervisorCore supervisor;
    private final Path mainLog;
    private final Targets targets;

    private SupervisorRpc(SupervisorCore supervisor) {
        this.supervisor = supervisor;
        this.mainLog = supervisor.logfile();
        this.targets = new Targets(supervisor);
    }

    /** Registers the namespace on {@code methods}. */
    public static RpcMethods register(RpcMethods methods, SupervisorCore supervisor) {
        SupervisorRpc rpc = new SupervisorRpc(supervisor);
        rpc.daemonMethods(methods);
        rpc.processMethods(methods);
        rpc.logMethods(methods);
        return methods
                .alias("supervisor.getVersion", "supervisor.getAPIVersion")
                .alias("supervisor.readMainLog", "supervisor.readLog")
                .alias("supervisor.readProcessLog", "supervisor.readProcessStdoutLog")
                .alias("supervisor.tailProcessLog", "supervisor.tailProcessStdoutLog")
                .alias("supervisor.clearProcessLog", "supervisor.clearProcessLogs");
    }

    /** A method of the namespace: SHUTDOWN_STATE unless the daemon is RUNNING. */
    private void add(RpcMethods methods, String name, String help, List<String> signature, int optional,
                     RpcMethods.Body body) {
        methods.add("supervisor." + name, help, signature, optional, a -> {
            if (supervisor.state() != SupervisorState.RUNNING) throw new RpcFault(Faults.SHUTDOWN_STATE, null);
            return body.call(a);
        });
    }

    private void daemonMethods(RpcMethods m) {
        add(m, "getAPIVersion", "Return the version of the RPC API used by supervisord\n\n@return string version id",
                List.of("string"), 0, a -> API_VERSION);
        add(m, "getSupervisorVersion", "Return the version of the supervisor package in use by supervisord (here,"
                + " orchestrator's)\n\n@return string version id", List.of("string"), 0, a -> Version.get());
        add(m, "getIdentification", "Return identifying string of supervisord\n\n@return string identifier"
                + " identifying string", List.of("string"), 0, a -> IDENTIFICATION);
        add(m, "getState", "Return current state of supervisord as a struct\n\n@return struct A struct with keys int"
                + " statecode, string statename", List.of("struct"), 0, a -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("statecode", supervisor.state().code());
                    s.put("statename", supervisor.state().name());
                    return s;
                });
        add(m, "getPID", "Return the PID of supervisord\n\n@return int PID", List.of("int"), 0,
                a -> supervisor.pid());
        add(m, "shutdown", "Shut down the supervisor process\n\n@return boolean result always returns True unless"
                + " error", List.of("boolean"), 0, a -> {
                    run(supervisor::shutdown);
                    return true;
                });
        add(m, "restart", "Restart the supervisor process\n\n@return boolean result  always return True unless error",
                List.of("boolean"), 0, a -> {
                    run(supervisor::restart);
                    return true;
                });
        add(m, "reloadConfig", "Reload the configuration. The result contains three arrays containing names of"
                + " process groups: added, changed, removed\n\n@return array result  [[added, changed, removed]]",
                List.of("array"), 0, a -> {
                    ConfigChanges c = call(supervisor::reloadConfig);
                    return List.of(List.of(c.added(), c.changed(), c.removed()));
                });
        add(m, "addProcessGroup", "Update the config for a running process from config file.\n\n@param string name"
                + "         name of process group to add\n@return boolean result     true if successful",
                List.of("boolean", "string"), 0, a -> {
                    String group = a.string(0);
                    run(() -> supervisor.addProcessGroup(group));
                    return true;
                });
        add(m, "removeProcessGroup", "Remove a stopped process from the active configuration.\n\n@param string name"
                + "         name of process group to remove\n@return boolean result     Indicates whether the"
                + " removal was successful", List.of("boolean", "string"), 0, a -> {
                    String group = a.string(0);
                    run(() -> supervisor.removeProcessGroup(group));
                    return true;
                });
        add(m, "getAllConfigInfo", "Get info about all available process configurations. Each struct represents a"
                + " single process (i.e. groups get flattened).\n\n@return array result  An array of process config"
                + " info structs", List.of("array"), 0, a -> {
                    Set<String> inUse = supervisor.allProcessInfo().stream().map(ProcessInfo::group)
                            .collect(Collectors.toSet());
                    return ProcessStructs.configInfo(supervisor.configuration(), inUse);
                });
        m.add("supervisor.sendRemoteCommEvent", "Send an event that will be received by event listener"
                + " subprocesses subscribing to the RemoteCommunicationEvent (this daemon has no event listeners:"
                + " the event reaches no one)\n\n@param  string  type  String for the \"type\" key in the event"
                + " header\n@param  string  data  Data for the event body\n@return boolean       Always return True"
                + " unless error", List.of("boolean", "string", "string"), 0, a -> {
                    a.string(0);
                    a.string(1);
                    return true;
                });
    }

    private void processMethods(RpcMethods m) {
        add(m, "getProcessInfo", "Get info about a process named name\n\n@param string name The name of the process"
                + " (or 'group:name')\n@return struct result     A structure containing data about the process",
                List.of("struct", "string"), 0, a -> ProcessStructs.info(targets.process(a.string(0))));
        add(m, "getAllProcessInfo", "Get info about all processes\n\n@return array result  An array of process"
                + " status results", List.of("array"), 0,
                a -> supervisor.allProcessInfo().stream().map(ProcessStructs::info).toList());
        add(m, "startProcess", "Start a process\n\n@param string name Process name (or ``group:name``, or"
                + " ``group:*``)\n@param boolean wait Wait for process to be fully started\n@return boolean result"
                + "     Always true unless error", List.of("boolean", "string", "boolean"), 1, a -> {
                    Targets.Target t = targets.resolve(a.string(0));
                    boolean wait = a.bool(1, true);
                    if (t.process() == null) return many(targets.group(t.group()), p -> !p.state().isRunning(),
                            p -> start(p, wait), wait);
                    start(t.process(), wait);
                    return true;
                });
        add(m, "startProcessGroup", "Start all processes in the group named 'name'\n\n@param string name     The"
                + " group name\n@param boolean wait    Wait for each process to be fully started\n@return array"
                + " result   An array of process status info structs", List.of("array", "string", "boolean"), 1,
                a -> {
                    boolean wait = a.bool(1, true);
                    return many(targets.group(a.string(0)), p -> !p.state().isRunning(), p -> start(p, wait), wait);
                });
        add(m, "startAllProcesses", "Start all processes listed in the configuration file\n\n@param boolean wait"
                + "    Wait for each process to be fully started\n@return array result   An array of process status"
                + " info structs", List.of("array", "boolean"), 1, a -> {
                    boolean wait = a.bool(0, true);
                    return many(targets.all(), p -> !p.state().isRunning(), p -> start(p, wait), wait);
                });
        add(m, "stopProcess", "Stop a process named by name\n\n@param string name  The name of the process to stop"
                + " (or 'group:name')\n@param boolean wait        Wait for the process to be fully stopped\n@return"
                + " boolean result     Always return True unless error", List.of("boolean", "string", "boolean"), 1,
                a -> {
                    Targets.Target t = targets.resolve(a.string(0));
                    boolean wait = a.bool(1, true);
                    if (t.process() == null) return many(targets.group(t.group()), p -> p.state().isRunning(),
                            p -> stop(p, wait), wait);
                    stop(t.process(), wait);
                    return true;
                });
        add(m, "stopProcessGroup", "Stop all processes in the process group named 'name'\n\n@param string name"
                + "     The group name\n@param boolean wait    Wait for each process to be fully stopped\n@return"
                + " array result   An array of process status info structs", List.of("array", "string", "boolean"),
                1, a -> {
                    boolean wait = a.bool(1, true);
                    return many(targets.group(a.string(0)), p -> p.state().isRunning(), p -> stop(p, wait), wait);
                });
        add(m, "stopAllProcesses", "Stop all processes in the process list\n\n@param  boolean wait   Wait for each"
                + " process to be fully stopped\n@return array result   An array of process status info structs",
                List.of("array", "boolean"), 1, a -> {
                    boolean wait = a.bool(0, true);
                    return many(targets.all(), p -> p.state().isRunning(), p -> stop(p, wait), wait);
                });
        add(m, "signalProcess", "Send an arbitrary UNIX signal to the process named by name (a worker thread takes"
                + " TERM, INT and QUIT as a request to end)\n\n@param string name    Name of the process to signal (or"
                + " 'group:name')\n@param string signal  Signal to send, as name ('HUP') or number ('1')\n@return"
                + " boolean", List.of("boolean", "string", "string"), 0, a -> {
                    Targets.Target t = targets.resolve(a.string(0));
                    String signal = a.stringOrInt(1);
                    if (t.process() == null) return many(targets.group(t.group()), SIGNALLABLE, p -> signal(p, signal),
                            false);
                    signal(t.process(), signal);
                    return true;
                });
        add(m, "signalProcessGroup", "Send a signal to all processes in the group named 'name'\n\n@param string"
                + " name    The group name\n@param string signal  Signal to send, as name ('HUP') or number ('1')\n"
                + "@return array", List.of("array", "string", "string"), 0, a -> {
                    String signal = a.stringOrInt(1);
                    return many(targets.group(a.string(0)), SIGNALLABLE, p -> signal(p, signal), false);
                });
        add(m, "signalAllProcesses", "Send a signal to all processes in the process list\n\n@param string signal"
                + "  Signal to send, as name ('HUP') or number ('1')\n@return array         An array of process"
                + " status info structs", List.of("array", "string"), 0, a -> {
                    String signal = a.stringOrInt(0);
                    return many(targets.all(), SIGNALLABLE, p -> signal(p, signal), false);
                });
        add(m, "sendProcessStdin", "Send a string of chars to the stdin of the process name. If non-7-bit data is"
                + " sent (unicode), it is encoded to utf-8 before being sent to the process' stdin. If chars is not a"
                + " string, raise INCORRECT_PARAMETERS. If the process is not running, raise NOT_RUNNING. If the"
                + " process' stdin cannot accept input (e.g. it was closed by the child process, or the process is a"
                + " worker thread), raise NO_FILE.\n\n@param string name        The process name to send to (or"
                + " 'group:name')\n@param string chars       The character data to send to the process\n@return"
                + " boolean result    Always return True unless error", List.of("boolean", "string", "string"), 0,
                a -> {
                    byte[] chars = a.string(1).getBytes(StandardCharsets.UTF_8);
                    ProcessInfo p = targets.process(a.string(0));
                    run(() -> supervisor.sendProcessStdin(p.group(), p.name(), chars));
                    return true;
                });
    }

    private void logMethods(RpcMethods m) {
        add(m, "readLog", "Read length bytes from the main log starting at offset\n\n@param int offset         offset"
                + " to start reading from.\n@param int length         number of bytes to read from the log.\n@return"
                + " string result     Bytes of log", List.of("string", "int", "int"), 0, a -> {
                    if (mainLog == null || !Files.exists(mainLog)) {
                        throw new RpcFault(Faults.NO_FILE, String.valueOf(mainLog));
                    }
                    return LogReads.read(mainLog, a.integer(0), a.integer(1));
                });
        add(m, "clearLog", "Clear the main log.\n\n@return boolean result always returns True unless error",
                List.of("boolean"), 0, a -> {
                    if (mainLog == null || !Files.exists(mainLog)) throw new RpcFault(Faults.NO_FILE, null);
                    try {
                        Files.write(mainLog, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
                    } catch (IOException e) {
                        throw new RpcFault(Faults.FAILED, null);
                    }
                    return true;
                });
        for (String channel : List.of("Stdout", "Stderr")) {
            add(m, "readProcess" + channel + "Log", "Read length bytes from name's " + channel.toLowerCase()
                    + " log starting at offset\n\n@param string name        the name of the process (or"
                    + " 'group:name')\n@param int offset         offset to start reading from.\n@param int length"
                    + "         number of bytes to read from the log.\n@return string result     Bytes of log",
                    List.of("string", "string", "int", "int"), 0, a -> {
                        Path log = logFile(targets.process(a.string(0)), channel);
                        if (log == null || !Files.exists(log)) {
                            throw new RpcFault(Faults.NO_FILE, log == null ? "None" : log.toString());
                        }
                        return LogReads.read(log, a.integer(1), a.integer(2));
                    });
            add(m, "tailProcess" + channel + "Log", "Provides a more efficient way to tail the (" + channel
                    .toLowerCase() + ") log than readProcess" + channel + "Log(). Requests (length) bytes from the"
                    + " (name)'s log, starting at (offset). If the total log size is greater than (offset + length),"
                    + " the overflow flag is set and the (offset) is automatically increased to position the buffer"
                    + " at the end of the log.\n\n@param string name         the name of the process (or"
                    + " 'group:name')\n@param int offset          offset to start reading from\n@param int length"
                    + "          maximum number of bytes to return\n@return array result       [string bytes, int"
                    + " offset, bool overflow]", List.of("array", "string", "int", "int"), 0, a -> {
                        Path log = logFile(targets.process(a.string(0)), channel);
                        if (log == null || !Files.exists(log)) return List.of("", 0, false);
                        return LogReads.tail(log, a.integer(1), a.integer(2));
                    });
        }
        add(m, "clearProcessLogs", "Clear the stdout and stderr logs for the named process and reopen them.\n\n"
                + "@param string name   The name of the process (or 'group:name')\n@return boolean result      Always"
                + " True unless error", List.of("boolean", "string"), 0, a -> {
                    ProcessInfo p = targets.process(a.string(0));
                    clear(p, a.string(0));
                    return true;
                });
        add(m, "clearAllProcessLogs", "Clear all process log files\n\n@return array result   An array of process"
                + " status info structs", List.of("array"), 0,
                a -> many(targets.all(), p -> true, p -> clear(p, p.namespec()), false));
    }

    private static Path logFile(ProcessInfo p, String channel) {
        String file = channel.equals("Stdout") ? p.stdoutLogfile() : p.stderrLogfile();
        return file == null || file.isEmpty() ? null : Path.of(file);
    }

    private void start(ProcessInfo p, boolean wait) throws RpcFault {
        run(() -> supervisor.startProcess(p.group(), p.name(), wait));
    }

    private void stop(ProcessInfo p, boolean wait) throws RpcFault {
        run(() -> supervisor.stopProcess(p.group(), p.name(), wait));
    }

    private void signal(ProcessInfo p, String signal) throws RpcFault {
        run(() -> supervisor.signalProcess(p.group(), p.name(), signal));
    }

    private void clear(ProcessInfo p, String name) throws RpcFault {
        try {
            supervisor.clearProcessLogs(p.group(), p.name());
        } catch (Fault f) {
            throw new RpcFault(Faults.FAILED, name);
        }
    }

    /** One process's act. */
    @FunctionalInterface
    private interface Act {
        void on(ProcessInfo p) throws RpcFault;
    }

    /**
     * supervisord's {@code make_allfunc}: {@code act} on each process that {@code wanted}, in priority order, all at
     * once when {@code wait} (outcomes in completion order), else in turn; an array of outcome structs.
     */
    private List<Map<String, Object>> many(List<ProcessInfo> processes, Predicate<ProcessInfo> wanted, Act act,
                                           boolean wait) {
        List<ProcessInfo> chosen = processes.stream().filter(wanted).toList();
        List<Map<String, Object>> results = new ArrayList<>();
        if (!wait) {
            for (ProcessInfo p : chosen) results.add(ProcessStructs.outcome(p, attempt(act, p)));
            return results;
        }
        try {
            Concurrently.run(chosen, p -> ProcessStructs.outcome(p, attempt(act, p)), results::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private static RpcFault attempt(Act act, ProcessInfo p) {
        try {
            act.on(p);
            return null;
        } catch (RpcFault f) {
            return f;
        }
    }

    /** A supervisor call. */
    @FunctionalInterface
    private interface Call<T> {
        T call() throws Fault;
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Fault;
    }

    private static <T> T call(Call<T> call) throws RpcFault {
        try {
            return call.call();
        } catch (Fault f) {
            throw fault(f);
        }
    }

    private static void run(Action action) throws RpcFault {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** The supervisor's fault as supervisord's: the same name, code and text. */
    static RpcFault fault(Fault f) {
        String prefix = f.code().name();
        String m = f.getMessage();
        String detail = m.startsWith(prefix + ": ") ? m.substring(prefix.length() + 2) : null;
        return new RpcFault(Faults.valueOf(prefix), detail);
    }
}
