package dev.orchestrator.supervision;

import static dev.orchestrator.config.ProcessConfig.namespec;

import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.UnixSignals;
import dev.orchestrator.logging.ProcessLog;
import dev.orchestrator.logging.ProcessLogs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The supervisor: every process group of a configuration, with supervisord's control semantics (its
 * supervisor/rpcinterface.py) and ordering (supervisor/supervisord.py, docs/supervision.md). One "supervisor"
 * thread serialises every transition; callers wait on futures completed by transitions, never by polling.
 *
 * <p>Synthetic pids (threads; a child process has its real pid): each spawn gets the next value of a counter that
 * starts at 1 with the daemon, so a pid is unique within the daemon's life and increases with every spawn.
 *
 * <p>{@link #shutdown()} and {@link #restart()} return at once, like supervisord's RPCs; {@link #terminated()}
 * completes once a shutdown has stopped every process.
 */
public final class SupervisorCore implements Supervisor, AutoCloseable {

    private static final long STOP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SHUTDOWN_REPORT_NANOS = TimeUnit.SECONDS.toNanos(3);

    @FunctionalInterface
    private interface Op<T> {
        T run() throws Fault;
    }

    private final ScheduledThreadPoolExecutor executor;
    private final WorkerFactory factory;
    private final ProcessLogs logs;
    private final Supplier<Configuration> reader;
    private final SupervisorClock clock;
    private final AtomicLong pids = new AtomicLong();
    private final List<ProcessListener> listeners = new CopyOnWriteArrayList<>();
    /** The active groups by name, never changed in place: {@link #publish} replaces them whole. */
    private volatile Map<String, ProcessGroup> groups;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final SupervisedProcess.Host host = new Host();
    private volatile Configuration configuration;
    /** Changed only by compare-and-set, so a signal and a request landing together cannot undo each other. */
    private final AtomicReference<SupervisorState> state = new AtomicReference<>(SupervisorState.RUNNING);
    private volatile Thread supervisorThread;

    /**
     * @param configuration the configuration to run (without errors)
     * @param factory makes each spawn's worker; its {@code create} runs on the supervisor thread: keep it quick
     * @param logs where process output goes
     * @param reader re-reads the configuration for {@link #reloadConfig()} and {@link #restart()}
     */
    public SupervisorCore(Configuration configuration, WorkerFactory factory, ProcessLogs logs,
                            Supplier<Configuration> reader) {
        this(configuration, factory, logs, reader, SupervisorClock.SYSTEM);
    }

    /** As the public constructor, on {@code clock} (a test's, which it drives). */
    SupervisorCore(Configuration configuration, WorkerFactory factory, ProcessLogs logs,
                   Supplier<Configuration> reader, SupervisorClock clock) {
        this.configuration = configuration;
        this.factory = factory;
        this.logs = logs;
        this.reader = reader;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "supervisor");
            t.setDaemon(true);
            supervisorThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        // supervisord's run() adds every group before runforever() opens its servers: a status asked at once lists them
        this.groups = Map.of();
        List<ProcessGroup> initial = newGroups(configuration.groups());
        publish(all -> initial.forEach(g -> all.put(g.name(), g)));
    }

    /** Autostarts the processes of every configured group in (group priority, name) and programs= order. */
    public void start() throws Fault {
        call(() -> {
            autostart(groups.values());
            return null;
        });
    }

    public void addListener(ProcessListener listener) { listeners.add(listener); }

    public void removeListener(ProcessListener listener) { listeners.remove(listener); }

    public SupervisorState state() { return state.get(); }

    /** The configuration last read (what {@code avail} and {@code add} see). */
    public Configuration configuration() { return configuration; }

    @Override
    public java.nio.file.Path logfile() { return configuration.supervisord().logfile(); }

    /** Completes once a shutdown has stopped every process. */
    public CompletableFuture<Void> terminated() { return terminated; }

    @Override
    public List<ProcessInfo> allProcessInfo() { return all(SupervisedProcess::info); }

    @Override
    public List<ProcessInfo> liveProcessInfo() { return all(SupervisedProcess::liveInfo); }

    private List<ProcessInfo> all(Function<SupervisedProcess, ProcessInfo> info) {
        return groups.values().stream().flatMap(g -> g.processes().stream()).map(info)
                .sorted(Comparator.comparing(ProcessInfo::group).thenComparing(ProcessInfo::name)).toList();
    }

    @Override
    public ProcessInfo processInfo(String group, String name) throws Fault {
        return lookup(group, name).info();
    }

    @Override
    public ProcessInfo liveProcessInfo(String group, String name) throws Fault {
        return lookup(group, name).liveInfo();
    }

    @Override
    public void startProcess(String group, String name, boolean wait) throws Fault {
        checkRunning();
        CompletableFuture<Fault.Code> outcome = call(() -> start(group, name));
        Fault.Code code = wait ? await(outcome) : outcome.getNow(null);
        if (code != null && code != Fault.Code.SUCCESS) throw new Fault(code, namespec(group, name));
    }

    /**
     * All in one step of the supervisor thread, as supervisord's {@code startAllProcesses} starts every process
     * before it waits for any: no thread per process, so 1,000 of them are spawned as fast as one after another.
     */
    @Override
    public List<CompletableFuture<Fault>> startProcesses(List<ProcessInfo> processes) throws Fault {
        checkRunning();
        return call(() -> {
            List<CompletableFuture<Fault>> outcomes = new ArrayList<>(processes.size());
            for (ProcessInfo p : processes) {
                String namespec = namespec(p.group(), p.name());
                CompletableFuture<Fault> outcome;
                try {
                    outcome = start(p.group(), p.name())
                            .thenApply(code -> code == Fault.Code.SUCCESS ? null : new Fault(code, namespec));
                } catch (Fault f) {
                    outcome = CompletableFuture.completedFuture(f);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        });
    }

    /** Starts a process (on the supervisor thread): its outcome by rpcinterface's wait rule. */
    private CompletableFuture<Fault.Code> start(String group, String name) throws Fault {
        SupervisedProcess p = lookup(group, name);
        ProcessState s = p.state();
        if (s.isRunning()) throw new Fault(Fault.Code.ALREADY_STARTED, namespec(group, name));
        if (s == ProcessState.UNKNOWN) {
            throw new Fault(Fault.Code.FAILED, namespec(group, name) + " is in an unknown process state");
        }
        // supervisord does not spawn over a process still stopping (its spawn() sees the pid) and its wait
        // then reports the state it finds; a second worker here would run beside the one still stopping
        if (s == ProcessState.STOPPING) throw new Fault(Fault.Code.ABNORMAL_TERMINATION, namespec(group, name));
        p.start();
        return p.watch(SupervisorCore::startOutcome);
    }

    @Override
    public void stopProcess(String group, String name, boolean wait) throws Fault {
        checkRunning();
        SupervisedProcess process = lookup(group, name);
        CompletableFuture<ProcessInfo> stopped = call(() -> {
            if (!process.state().isRunning()) throw new Fault(Fault.Code.NOT_RUNNING, namespec(group, name));
            process.stop();
            CompletableFuture<ProcessInfo> whenStopped = process.whenStopped();
            // rpcinterface's onwait: process.stop_report(), a line every 2 s while the caller waits
            if (wait) reportUntil(whenStopped, STOP_REPORT_NANOS, () -> {
                if (process.state() == ProcessState.STOPPING) MainLog.waitingToStop(name);
            });
            return whenStopped;
        });
        if (wait) await(stopped);
    }

    @Override
    public void signalProcess(String group, String name, String signal) throws Fault {
        checkRunning();
        int number = signalNumber(signal);
        call(() -> {
            lookup(group, name).signal(number);
            return null;
        });
    }

    @Override
    public void sendProcessStdin(String group, String name, byte[] chars) throws Fault {
        checkRunning();
        call(() -> lookup(group, name).stdinOf()).write(chars, namespec(group, name));
    }

    /** A signal name ({@code HUP}, {@code SIGHUP}) or number, as supervisord's {@code signal_number}. */
    private static int signalNumber(String signal) throws Fault {
        String s = signal == null ? "" : signal.strip();
        int number = s.chars().allMatch(Character::isDigit) && !s.isEmpty() && s.length() < 4 ? Integer.parseInt(s)
                : UnixSignals.number(s);
        if (number < 1 || number > UnixSignals.MAX) throw new Fault(Fault.Code.BAD_SIGNAL, signal);
        return number;
    }

    @Override
    public void clearProcessLogs(String group, String name) throws Fault {
        checkRunning();
        try {
            lookup(group, name).clearLogs();
        } catch (IOException e) {
            throw new Fault(Fault.Code.FAILED, namespec(group, name) + ": " + e.getMessage());
        }
    }

    @Override
    public ConfigChanges reloadConfig() throws Fault {
        checkRunning();
        Configuration next = read();
        return call(() -> {
            configuration = next;
            return ConfigDiff.diff(groups.values(), next);
        });
    }

    @Override
    public void addProcessGroup(String group) throws Fault {
        checkRunning();
        call(() -> {
            if (groups.containsKey(group)) throw new Fault(Fault.Code.ALREADY_ADDED, group);
            GroupConfig config = configuration.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                    .orElseThrow(() -> new Fault(Fault.Code.BAD_NAME, group));
            ProcessGroup added = newGroup(config);
            publish(all -> all.put(group, added));
            added.processes().forEach(SupervisedProcess::autostart);
            return null;
        });
    }

    @Override
    public void removeProcessGroup(String group) throws Fault {
        checkRunning();
        call(() -> {
            ProcessGroup g = groups.get(group);
            if (g == null) throw new Fault(Fault.Code.BAD_NAME, group);
            if (!g.unstopped().isEmpty()) throw new Fault(Fault.Code.STILL_RUNNING, group);
            publish(all -> all.remove(group));
            g.close();
            return null;
        });
    }

    /**
     * Per program, where supervisord re-adds the whole group (its issue #1154): processes whose settings and engine
     * section did not change keep running untouched; changed and removed ones are stopped and dropped; changed and
     * new ones are made from the configuration last read and autostarted.
     */
    @Override
    public List<String> updateProcessGroup(String group) throws Fault {
        checkRunning();
        Configuration next = configuration;
        GroupConfig config = next.groups().stream().filter(g -> g.name().equals(group)).findFirst()
                .orElseThrow(() -> new Fault(Fault.Code.BAD_NAME, group));
        ProcessGroup current = groups.get(group);
        if (current == null) throw new Fault(Fault.Code.BAD_NAME, group);
        List<SupervisedProcess> outdated = current.processes().stream()
                .filter(p -> !ConfigDiff.unchanged(p.config(), current.engines(), config, next.engines())).toList();
        List<String> stopped = new ArrayList<>();
        for (SupervisedProcess p : outdated) {
            if (p.state().isRunning()) {
                stopProcess(group, p.name(), true);
                stopped.add(namespec(group, p.name()));
            } else if (!p.state().isStopped()) {
                // a stop under way (STOPPING): its worker still runs, so its successor waits for it
                await(call(p::whenStopped));
            }
        }
        call(() -> {
            List<SupervisedProcess> processes = new ArrayList<>();
            List<SupervisedProcess> made = new ArrayList<>();
            for (ProcessConfig pc : config.processes()) {
                SupervisedProcess kept = current.process(pc.name());
                if (kept != null && !outdated.contains(kept)) {
                    processes.add(kept);
                } else {
                    SupervisedProcess p = newProcess(pc);
                    processes.add(p);
                    made.add(p);
                }
            }
            outdated.forEach(SupervisedProcess::close);
            ProcessGroup updated = new ProcessGroup(config, next.engines(), processes);
            publish(all -> all.put(group, updated));
            made.forEach(SupervisedProcess::autostart);
            return null;
        });
        return stopped;
    }

    @Override
    public void restart() throws Fault {
        if (!state.compareAndSet(SupervisorState.RUNNING, SupervisorState.RESTARTING)) {
            throw new Fault(Fault.Code.SHUTDOWN_STATE, null);
        }
        background("restart", () -> {
            try {
                stopAllOrdered();
                try {
                    configuration = read();
                } catch (Fault e) {
                    MainLog.problem("restart: keeping the previous configuration: " + e.getMessage(), null);
                }
                return call(() -> {
                    // a signalled shutdown took over: start nothing again
                    if (!state.compareAndSet(SupervisorState.RESTARTING, SupervisorState.RUNNING)) return null;
                    groups.values().forEach(ProcessGroup::close);
                    List<ProcessGroup> added = newGroups(configuration.groups());
                    publish(all -> {
                        all.clear();
                        added.forEach(g -> all.put(g.name(), g));
                    });
                    autostart(added);
                    return null;
                });
            } finally {
                state.compareAndSet(SupervisorState.RESTARTING, SupervisorState.RUNNING);
            }
        });
    }

    @Override
    public void shutdown() throws Fault {
        if (!state.compareAndSet(SupervisorState.RUNNING, SupervisorState.SHUTDOWN)) {
            throw new Fault(Fault.Code.SHUTDOWN_STATE, null);
        }
        beginShutdown();
    }

    /**
     * The shutdown of SIGTERM and SIGINT: as supervisord's signal handler, and unlike the {@link #shutdown()} request,
     * it also ends a restart under way (which then starts nothing again).
     *
     * @throws Fault SHUTDOWN_STATE when a shutdown is already under way
     */
    public void terminate() throws Fault {
        if (state.getAndSet(SupervisorState.SHUTDOWN) == SupervisorState.SHUTDOWN) {
            throw new Fault(Fault.Code.SHUTDOWN_STATE, null);
        }
        beginShutdown();
    }

    /** Stops every process in the background; the caller has set the state to SHUTDOWN. */
    private void beginShutdown() {
        background("shutdown", () -> {
            try {
                stopAllOrdered();
                return null;
            } finally {
                terminated.complete(null);
            }
        });
    }

    @Override
    public long pid() { return ProcessHandle.current().pid(); }

    @Override
    public List<ConfigInfo> allConfigInfo() {
        Configuration c = configuration;
        List<ConfigInfo> infos = new ArrayList<>();
        for (GroupConfig g : c.groups()) {
            for (ProcessConfig p : g.processes()) {
                infos.add(new ConfigInfo(p.name(), g.name(), groups.containsKey(g.name()), p.autostart(),
                        g.priority(), p.priority()));
            }
        }
        return infos;
    }

    /** Stops every process (if not done yet) in shutdown order and ends the supervisor thread. */
    @Override
    public void close() {
        // running, or restarting: a restart then starts nothing again
        if (state.getAndSet(SupervisorState.SHUTDOWN) != SupervisorState.SHUTDOWN) {
            try {
                stopAllOrdered();
            } catch (Fault e) {
                MainLog.problem("shutdown: " + e.getMessage(), null);
            }
            terminated.complete(null);
        } else {
            terminated.join(); // a shutdown under way ends: every stop is bounded by stopwaitsecs
        }
        try {
            call(() -> {
                groups.values().forEach(ProcessGroup::close);
                publish(Map::clear);
                return null;
            });
        } catch (Fault e) {
            // already closed
        }
        executor.shutdownNow();
    }

    // ---- internals ----

    /** rpcinterface's startProcess wait rule, evaluated at every transition. */
    private static Fault.Code startOutcome(ProcessInfo info) {
        if (info.state() == ProcessState.RUNNING) return Fault.Code.SUCCESS;
        if (!info.spawnerr().isEmpty()) return Fault.Code.SPAWN_ERROR;
        if (info.state() != ProcessState.STARTING) return Fault.Code.ABNORMAL_TERMINATION;
        return null;
    }

    /**
     * supervisord's ordered shutdown: groups one at a time, highest priority first, and its shutdown_report: the
     * unstopped processes every 3 s from the first group's stop until the last process has stopped.
     */
    private void stopAllOrdered() throws Fault {
        List<ProcessGroup> order = call(() -> groups.values().stream()
                .sorted(Comparator.comparing(ProcessGroup::config, ProcessGroup.START_ORDER).reversed()).toList());
        CompletableFuture<Void> allStopped = new CompletableFuture<>();
        try {
            for (int i = 0; i < order.size(); i++) {
                ProcessGroup group = order.get(i);
                boolean first = i == 0;
                await(call(() -> {
                    group.stopAll();
                    if (first) reportUntil(allStopped, SHUTDOWN_REPORT_NANOS, this::shutdownReport);
                    return CompletableFuture.allOf(group.processes().stream()
                            .map(SupervisedProcess::whenStopped)
                            .toArray(CompletableFuture[]::new));
                }));
            }
        } finally {
            allStopped.complete(null);
        }
    }

    private void shutdownReport() {
        List<String> names = unstoppedNames();
        if (!names.isEmpty()) MainLog.waitingToDie(names);
    }

    /**
     * Runs {@code report} now and then every {@code periodNanos} of the clock, on the supervisor thread, until
     * {@code done} completes.
     */
    private void reportUntil(CompletableFuture<?> done, long periodNanos, Runnable report) {
        if (done.isDone()) return;
        AtomicReference<Future<?>> next = new AtomicReference<>();
        Runnable step = new Runnable() {
            @Override
            public void run() {
                if (done.isDone()) return;
                // the next one first: once a report is written, its successor is on the clock
                next.set(clock.schedule(executor, this, periodNanos));
                report.run();
            }
        };
        step.run();
        done.whenComplete((r, e) -> next.get().cancel(false));
    }

    private List<String> unstoppedNames() {
        return groups.values().stream().sorted(Comparator.comparing(ProcessGroup::config, ProcessGroup.START_ORDER))
                .flatMap(g -> g.unstopped().stream()).map(SupervisedProcess::name).toList();
    }

    /** The groups of {@code configs}, new, in start order. */
    private List<ProcessGroup> newGroups(List<GroupConfig> configs) {
        return configs.stream().sorted(ProcessGroup.START_ORDER).map(this::newGroup).toList();
    }

    private ProcessGroup newGroup(GroupConfig config) {
        List<SupervisedProcess> processes = new ArrayList<>();
        for (ProcessConfig p : config.processes()) processes.add(newProcess(p));
        return new ProcessGroup(config, configuration.engines(), processes);
    }

    /**
     * Every change of the groups: {@code change} made to a copy of them, then published whole (on the supervisor
     * thread, or by the constructor before it runs), so that a reader on another thread sees all of it or none.
     */
    private void publish(Consumer<Map<String, ProcessGroup>> change) {
        Map<String, ProcessGroup> next = new HashMap<>(groups);
        change.accept(next);
        groups = Map.copyOf(next);
    }

    /** supervisord's autostart of each group's processes, in start order. */
    private static void autostart(Collection<ProcessGroup> groups) {
        groups.stream().sorted(Comparator.comparing(ProcessGroup::config, ProcessGroup.START_ORDER))
                .forEach(g -> g.processes().forEach(SupervisedProcess::autostart));
    }

    /** A new process with its log files open (a process whose files cannot be opened still runs, unlogged). */
    private SupervisedProcess newProcess(ProcessConfig p) {
        ProcessLog log = null;
        try {
            log = logs == null ? null : logs.open(p);
        } catch (IOException | RuntimeException e) {
            MainLog.problem("cannot open the log files of " + p.name() + ": " + e.getMessage(), null);
        }
        return new SupervisedProcess(p, log, host);
    }

    private SupervisedProcess lookup(String group, String name) throws Fault {
        ProcessGroup g = group == null ? null : groups.get(group);
        if (g == null) throw new Fault(Fault.Code.BAD_NAME, namespec(group, name));
        SupervisedProcess p = name == null ? null : g.process(name);
        if (p == null) throw new Fault(Fault.Code.BAD_NAME, namespec(group, name));
        return p;
    }

    private void checkRunning() throws Fault {
        if (state.get() != SupervisorState.RUNNING) throw new Fault(Fault.Code.SHUTDOWN_STATE, null);
    }

    private Configuration read() throws Fault {
        Configuration next;
        try {
            next = reader.get();
        } catch (RuntimeException e) {
            throw new Fault(Fault.Code.CANT_REREAD, e.getMessage());
        }
        if (next.hasErrors()) {
            String first = next.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                    .findFirst().map(Problem::toString).orElse("");
            throw new Fault(Fault.Code.CANT_REREAD, first);
        }
        return next;
    }

    /** Runs {@code op} on the supervisor thread and waits for it (directly when already on it). */
    private <T> T call(Op<T> op) throws Fault {
        if (Thread.currentThread() == supervisorThread) return op.run();
        Future<Object> f;
        try {
            f = executor.submit(() -> {
                try {
                    return op.run();
                } catch (Fault e) {
                    return e;
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Fault(Fault.Code.SHUTDOWN_STATE, null);
        }
        Object result = await(f);
        if (result instanceof Fault fault) throw fault;
        @SuppressWarnings("unchecked")
        T value = (T) result;
        return value;
    }

    private <T> T await(Future<T> future) throws Fault {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fault(Fault.Code.FAILED, "interrupted");
        }
    }

    private void background(String name, Op<?> task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (Fault | RuntimeException e) {
                MainLog.problem(name + " failed: " + e.getMessage(), e);
            }
        }, name);
        t.setDaemon(false);
        t.start();
    }

    private final class Host implements SupervisedProcess.Host {
        @Override
        public Future<?> schedule(Runnable task, long delayNanos) {
            return clock.schedule(executor, task, delayNanos);
        }

        @Override
        public SupervisorClock clock() { return clock; }

        @Override
        public WorkerFactory factory() { return factory; }

        @Override
        public long nextPid() { return pids.incrementAndGet(); }

        @Override
        public boolean onSupervisorThread() { return Thread.currentThread() == supervisorThread; }

        @Override
        public boolean spawning() { return state.get() == SupervisorState.RUNNING; }

        @Override
        public void changed(ProcessEvent event) {
            for (ProcessListener l : listeners) {
                try {
                    l.processStateChanged(event);
                } catch (RuntimeException e) {
                    MainLog.problem("process listener failed on " + event.process().name(), e);
                }
            }
        }
    }

}
