package dev.orchestrator.supervision;

import dev.orchestrator.config.Execution;
import dev.orchestrator.config.Autorestart;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.logging.ProcessLog;
import dev.orchestrator.logging.ProcessLogs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One supervised process, supervisord's {@code Subprocess} (supervisor/process.py) for both kinds of work, a thread
 * or a child process ({@link Worker}): its state machine, startsecs, backoff, autorestart and stop escalation, with
 * the same main-log lines (docs/supervision.md).
 *
 * <p>Event-driven: every change runs on the supervisor thread ({@link Host#schedule}) through {@link #change},
 * which checks the transition and the thread; the worker's thread reports its end through a task it posts there,
 * and deadlines (startsecs, backoff retry, stopwaitsecs) are scheduled tasks, so timings are exact rather than
 * quantised by a polling loop. Other threads read the published {@link Status}. The exit time is taken on the
 * worker's thread when {@code run} returns, before any decision, so "exited too quickly" is
 * {@code exitTime - startTime < startsecs}.
 *
 * <p>Readiness: STARTING → RUNNING needs both startsecs elapsed and the worker's {@link Worker#whenReady} signal
 * (an engine worker is ready once it consumes; a child process at once), so a worker still connecting to a slow
 * broker is not reported RUNNING, and one that fails after startsecs without ever serving backs off instead of
 * restarting forever.
 *
 * <p>Differences from supervisord, for threads: the stop signal is {@link Worker#requestStop()}; past
 * stopwaitsecs the worker is aborted, its thread interrupted and abandoned, and the process is STOPPED
 * ("terminated by SIGKILL") instead of staying STOPPING. An abandoned thread that still lives (a task spinning or
 * blocked deaf to interrupts) is reported with its stack in the main log and in the description, and the process
 * refuses to run again until it ends (a spawn error, so BACKOFF then FATAL): at most one stuck thread per process
 * however often it is restarted. A RUNNING worker whose task has taken longer than stopwaitsecs says where it is
 * busy in its description. Each process's threads run in a {@link ThreadGroup} of its own, which the threads
 * its tasks start inherit, so {@code counters} can say how many of them live. For both kinds, an explicit start
 * resets the backoff counter (supervisord keeps it after a stop in BACKOFF), so every start gets startretries fresh
 * retries.
 */
final class SupervisedProcess {

    static final String TOO_QUICKLY = "Exited too quickly (process log may have details)";
    static final String NEVER_READY = "Exited before it was ready (process log may have details)";
    /** The exit status of a process stopped by force or killed by a signal, as supervisord's for a signal death. */
    static final int KILLED = -1;
    /** Counter: live threads in the process's thread group besides its worker's own (started by its tasks). */
    static final String TASK_THREADS = "task_threads";
    /** Counter: where the abandoned thread of its last run is stuck, while it lives. */
    static final String STUCK_THREAD = "stuck_thread";
    /** Counter: where a running worker's task has been busy for longer than stopwaitsecs. */
    static final String TASK_BUSY = "task_busy";
    /** Counters of a child process (its real pid): its open file descriptors and its threads. */
    static final String FDS = "fds";
    static final String THREADS = "threads";

    private static final Logger LOG = LogManager.getLogger(SupervisedProcess.class);

    /** What a process needs from its supervisor. */
    interface Host {
        /**
         * Runs {@code task} on the supervisor thread once {@code delayNanos} of {@link #clock()} have passed (0:
         * as soon as it can); the future cancels it.
         *
         * @throws RejectedExecutionException once the supervisor is closed
         */
        Future<?> schedule(Runnable task, long delayNanos);

        /** The clock of {@link #schedule}'s deadlines, exit times, start and stop times. */
        SupervisorClock clock();

        WorkerFactory factory();

        /** A new synthetic pid: unique and increasing within the daemon. */
        long nextPid();

        /** True on the supervisor thread, the only one that changes a process's state. */
        boolean onSupervisorThread();

        /** False while the daemon shuts down or restarts: no spawns then. */
        boolean spawning();

        /** Called on the supervisor thread after every state change. */
        void changed(ProcessEvent event);
    }

    /** The published view of the process; times are epoch milliseconds, 0 for never. */
    private record Status(ProcessState state, long pid, long start, long stop, String spawnerr, Integer exitstatus,
                          Worker worker) {
        Status with(ProcessState s) { return new Status(s, pid, start, stop, spawnerr, exitstatus, worker); }
    }

    private record Watch<T>(Function<ProcessInfo, T> check, CompletableFuture<T> result) {
        boolean test(ProcessInfo info) {
            T value = check.apply(info);
            if (value == null) return false;
            result.complete(value);
            return true;
        }
    }

    private final ProcessConfig config;
    private final ProcessLog log;
    private final Host host;
    private final ThreadGroup threads;
    /** The thread of the latest run, and the abandoned one of an earlier run while it may live. */
    private volatile Thread current;
    private volatile AbandonedThread abandoned;
    private volatile Status status = new Status(ProcessState.STOPPED, 0, 0, 0, null, null, null);
    /** Spawns since the daemon started (written on the supervisor thread only). */
    private volatile int spawns;

    // confined to the supervisor thread
    private Run run;
    private int backoff;
    private boolean killing;
    private Future<?> timer;
    private final List<Watch<?>> watches = new ArrayList<>();

    SupervisedProcess(ProcessConfig config, ProcessLog log, Host host) {
        this.config = config;
        this.log = log;
        this.host = host;
        this.threads = new ThreadGroup("process " + config.name());
    }

    ProcessConfig config() { return config; }

    String name() { return config.name(); }

    ProcessState state() { return status.state(); }

    boolean everStarted() { return status.start() != 0; }

    /**
     * The process now, its counters without the live ones: what state changes, name resolution, the status table,
     * metrics and the pipeline read, so none of them walks /proc or a thread group per process.
     */
    ProcessInfo info() { return info(false); }

    /**
     * The process now with its live counters too ({@code fds}, {@code threads} of a child process from /proc,
     * {@code task_threads} of a thread's group): what {@code status --json} and the REST API show.
     */
    ProcessInfo liveInfo() { return info(true); }

    private ProcessInfo info(boolean live) {
        Status s = status;
        long now = host.clock().currentTimeMillis() / 1000;
        long start = s.start() / 1000;
        long stop = s.stop() / 1000;
        String description = Descriptions.describe(s.state(), config.name(), s.pid(), start, stop, now, s.spawnerr(),
                ZoneId.systemDefault());
        String stuck = stuck();
        String busy = stuck == null && s.state() == ProcessState.RUNNING ? busy(s.worker()) : null;
        if (stuck != null) description = description + "; " + stuck;
        if (busy != null) description = description + "; " + busy;
        return new ProcessInfo(config.name(), config.group(), s.state(), start, stop, now,
                s.spawnerr() == null ? "" : s.spawnerr(), s.exitstatus() == null ? 0 : s.exitstatus(), s.pid(),
                description, pathText(log == null ? null : log.stdoutPath()),
                pathText(log == null ? null : log.stderrPath()), counters(s.worker(), stuck, busy, live),
                config.program(),
                runsAs(config.execution()), config.execution() == null ? null : config.execution().reason());
    }

    /** {@code thread}, {@code process} or {@code jvm}: the way {@code status --json} names. */
    static String runsAs(Execution execution) {
        if (execution == null) return null;
        return execution instanceof Execution.Thread ? "thread"
                : execution instanceof Execution.IsolatedJvm ? "jvm" : "process";
    }

    // ---- requests, on the supervisor thread ----

    /** A start request (start RPC): a fresh retry budget, then spawn. The caller checked the state. */
    void start() {
        backoff = 0;
        spawn();
    }

    /** supervisord's autostart: only a process never started, at boot or when its group is added. */
    void autostart() {
        if (config.autostart() && status.state() == ProcessState.STOPPED && !everStarted() && host.spawning()) spawn();
    }

    /** A stop request: BACKOFF stops at once; STARTING/RUNNING are asked to stop, and forced past stopwaitsecs. */
    void stop() {
        switch (status.state()) {
            case BACKOFF -> {
                MainLog.backoffStopped(config.name());
                cancelTimer();
                change(status.with(ProcessState.STOPPED));
            }
            case STARTING, RUNNING -> {
                Run current = run;
                current.stopRequestedNanos = host.clock().nanoTime();
                killing = true;
                cancelTimer();
                MainLog.stopRequested(config.name(), current.pid, current.worker.killable() ? config.child() : null);
                change(status.with(ProcessState.STOPPING));
                try {
                    current.worker.requestStop();
                } catch (RuntimeException e) {
                    MainLog.problem("stop request of " + config.name() + " failed", e);
                }
                schedule(() -> escalate(current), TimeUnit.SECONDS.toNanos(config.stopwaitsecs()));
            }
            default -> { }
        }
    }

    /** supervisord's {@code signal}: only STARTING, RUNNING and STOPPING processes take signals. */
    void signal(int number) throws Fault {
        ProcessState s = status.state();
        if (run == null || s != ProcessState.STARTING && s != ProcessState.RUNNING && s != ProcessState.STOPPING) {
            throw new Fault(Fault.Code.NOT_RUNNING, config.namespec());
        }
        run.worker.signal(number, config.name());
    }

    /**
     * The worker that {@code sendProcessStdin} writes to: supervisord's {@code not process.pid or process.killing}
     * is NOT_RUNNING, so a process neither STARTING nor RUNNING has none.
     */
    Worker stdinOf() throws Fault {
        ProcessState s = status.state();
        if (run == null || s != ProcessState.STARTING && s != ProcessState.RUNNING) {
            throw new Fault(Fault.Code.NOT_RUNNING, config.namespec());
        }
        return run.worker;
    }

    /** supervisord's {@code stop_all} for one process: BACKOFF gives up (FATAL), running ones are stopped. */
    void stopForShutdown() {
        if (status.state() == ProcessState.BACKOFF) {
            cancelTimer();
            backoff = 0;
            change(status.with(ProcessState.FATAL));
        } else {
            stop();
        }
    }

    /**
     * A future completed with the first non-null value of {@code check}, applied now and after every later
     * change (on the supervisor thread), so no transition is missed.
     */
    <T> CompletableFuture<T> watch(Function<ProcessInfo, T> check) {
        Watch<T> w = new Watch<>(check, new CompletableFuture<>());
        if (!w.test(info())) watches.add(w);
        return w.result();
    }

    /** A future completed with the process's info once it is in a stopped state (at once when it is). */
    CompletableFuture<ProcessInfo> whenStopped() {
        return watch(i -> i.state().isStopped() ? i : null);
    }

    void clearLogs() throws IOException {
        if (log != null) log.clear();
    }

    /** Stops routing this process's output; it must be in a stopped state. */
    void close() {
        cancelTimer();
        if (log != null) log.close();
    }

    // ---- the machine ----

    private void spawn() {
        spawns++;
        cancelTimer();
        killing = false;
        run = null;
        change(new Status(ProcessState.STARTING, 0, host.clock().currentTimeMillis(), status.stop(), null, null,
                status.worker()));
        AbandonedThread previous = abandoned;
        if (previous != null && previous.alive()) {
            String message = "not started: the thread of its last run is still alive past its stop (restart the"
                    + " daemon to end it, or run the engine with isolation=process)";
            MainLog.spawnerr(message);
            backoff(message);
            return;
        }
        Worker worker;
        try {
            worker = host.factory().create(config);
        } catch (SpawnException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            MainLog.spawnerr(message);
            backoff(message);
            return;
        }
        Run started = new Run(worker.pid() > 0 ? worker.pid() : host.nextPid(), worker);
        Thread thread = new Thread(threads, started, config.name());
        thread.setDaemon(true);
        started.thread = thread;
        current = thread;
        run = started;
        change(new Status(ProcessState.STARTING, started.pid, status.start(), status.stop(), null, null, worker));
        worker.whenReady(() -> post(() -> ready(started)));
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            run = null;
            String message = "Too many processes in process table to spawn '" + config.name() + "'";
            MainLog.spawnerr(message);
            backoff(message);
            return;
        }
        MainLog.spawned(config.name(), started.pid);
        started.startsecsElapsed = config.startsecs() <= 0;
        if (!started.startsecsElapsed) {
            schedule(() -> startsecsElapsed(started), TimeUnit.SECONDS.toNanos(config.startsecs()) + 1);
        }
    }

    /** Startsecs are over: RUNNING if the worker is ready, else once it is. */
    private void startsecsElapsed(Run started) {
        started.startsecsElapsed = true;
        promoteIfDue(started);
    }

    private void ready(Run started) {
        started.ready = true;
        promoteIfDue(started);
    }

    /** STARTING → RUNNING once the worker has stayed up strictly longer than startsecs and is ready. */
    private void promoteIfDue(Run started) {
        // an exit already happened (its report is queued): that report decides, with the real exit time
        if (started != run || status.state() != ProcessState.STARTING || started.exitNanos >= 0) return;
        if (started.startsecsElapsed && started.ready) running();
    }

    private void running() {
        backoff = 0;
        MainLog.success(config.name(), config.startsecs());
        change(status.with(ProcessState.RUNNING));
    }

    /** The worker's run ended (reported from its thread). */
    private void exited(Run ended, int code) {
        if (ended != run) {
            MainLog.abandonedEnded(config.name(), ended.pid, code);
            AbandonedThread a = abandoned;
            if (a != null && a.is(ended.thread)) abandoned = null;
            return;
        }
        run = null;
        cancelTimer();
        // a death by signal (code -N) has supervisord's exit status -1, never expected
        int exitstatus = code < 0 ? KILLED : code;
        boolean expected = code >= 0 && config.exitcodes().contains(code);
        Status s = status;
        if (killing) {
            killing = false;
            MainLog.stopped(config.name(), code, expected);
            change(new Status(ProcessState.STOPPED, 0, s.start(), ended.exitMillis, s.spawnerr(), exitstatus,
                    s.worker()));
            return;
        }
        boolean tooQuickly = ended.exitNanos - ended.startNanos < TimeUnit.SECONDS.toNanos(config.startsecs());
        if ((tooQuickly || !ended.ready) && s.state() == ProcessState.STARTING) {
            MainLog.exited(config.name(), code, false);
            change(new Status(s.state(), 0, s.start(), ended.exitMillis, s.spawnerr(), null, s.worker()));
            backoff(tooQuickly ? TOO_QUICKLY : NEVER_READY);
            return;
        }
        backoff = 0;
        if (s.state() == ProcessState.STARTING) change(s.with(ProcessState.RUNNING));
        MainLog.exited(config.name(), code, expected);
        change(new Status(ProcessState.EXITED, 0, s.start(), ended.exitMillis,
                expected ? null : "Bad exit code " + exitstatus, exitstatus, s.worker()));
        Autorestart policy = config.autorestart();
        if (host.spawning() && (policy == Autorestart.TRUE || policy == Autorestart.UNEXPECTED && !expected)) spawn();
    }

    /** STARTING → BACKOFF: retry after {@code backoff} seconds, or FATAL past startretries. */
    private void backoff(String spawnerr) {
        backoff++;
        Status s = status;
        change(new Status(ProcessState.BACKOFF, 0, s.start(), s.stop(), spawnerr, null, s.worker()));
        if (backoff > config.startretries()) {
            backoff = 0;
            MainLog.gaveUp(config.name());
            change(status.with(ProcessState.FATAL));
        } else {
            schedule(this::retry, TimeUnit.SECONDS.toNanos(backoff));
        }
    }

    private void retry() {
        if (status.state() == ProcessState.BACKOFF && host.spawning()) spawn();
    }

    /**
     * Past stopwaitsecs: a child process gets SIGKILL and stays STOPPING until its exit, killed again every
     * stopwaitsecs (supervisord's {@code transition}); a thread is aborted (on a thread of its own), interrupted,
     * reported STOPPED and abandoned if it still runs.
     */
    private void escalate(Run stuck) {
        if (stuck != run || status.state() != ProcessState.STOPPING) return;
        MainLog.killing(config.name(), stuck.pid);
        if (stuck.worker.killable()) {
            stuck.worker.abort();
            schedule(() -> escalate(stuck), TimeUnit.SECONDS.toNanos(config.stopwaitsecs()));
            return;
        }
        // abort may block (closing a connection): never on the supervisor thread
        Thread aborter = new Thread(() -> {
            try {
                stuck.worker.abort();
            } catch (RuntimeException e) {
                MainLog.problem("abort of " + config.name() + " failed", e);
            }
        }, config.name() + "-abort");
        aborter.setDaemon(true);
        aborter.start();
        stuck.thread.interrupt();
        run = null;
        killing = false;
        MainLog.stoppedKilled(config.name());
        if (stuck.thread.isAlive()) {
            AbandonedThread left = new AbandonedThread(stuck.thread, stuck.stopRequestedNanos);
            abandoned = left;
            MainLog.abandoned(config.name(), stuck.pid, config.program(), inHand(stuck.worker), left.stack());
        }
        Status s = status;
        change(new Status(ProcessState.STOPPED, 0, s.start(), host.clock().currentTimeMillis(), s.spawnerr(), KILLED,
                s.worker()));
    }

    /**
     * Every write of the status, as supervisord's {@code change_state}: on the supervisor thread only, and along a
     * transition of supervisord's (an assertion error otherwise, as its {@code _assertInState}).
     */
    private void change(Status next) {
        ProcessState from = status.state();
        if (!host.onSupervisorThread()) {
            throw new IllegalStateException("Assertion failed for " + config.name() + ": changed to " + next.state()
                    + " on thread " + Thread.currentThread().getName() + ", not the supervisor's");
        }
        if (!from.canBecome(next.state())) {
            throw new IllegalStateException("Assertion failed for " + config.name() + ": " + from + " cannot become "
                    + next.state());
        }
        status = next;
        if (from == next.state()) return;
        ProcessInfo info = info();
        host.changed(new ProcessEvent(info, from));
        for (Iterator<Watch<?>> it = watches.iterator(); it.hasNext(); ) {
            if (it.next().test(info)) it.remove();
        }
    }

    private void schedule(Runnable task, long delayNanos) {
        cancelTimer();
        timer = host.schedule(task, delayNanos);
    }

    /** Runs {@code task} on the supervisor thread, from any thread. */
    private void post(Runnable task) {
        try {
            host.schedule(task, 0);
        } catch (RejectedExecutionException e) {
            // the supervisor is closed: nobody is left to tell
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static String pathText(Path p) { return p == null ? "" : p.toString(); }

    /** Where the abandoned thread of the last run is stuck, while it lives; else null. */
    private String stuck() {
        AbandonedThread a = abandoned;
        return a != null && a.alive() ? a.describe(host.clock().nanoTime()) : null;
    }

    /**
     * {@code task busy 42 s in com.x.Y.method} when the running worker's task has taken longer than stopwaitsecs (a
     * stop now would abandon its thread); else null.
     */
    private String busy(Worker worker) {
        long nanos = worker == null ? 0 : worker.taskNanos();
        Thread thread = current;
        if (nanos <= TimeUnit.SECONDS.toNanos(config.stopwaitsecs()) || thread == null) return null;
        return "task busy " + TimeUnit.NANOSECONDS.toSeconds(nanos) + " s in "
                + AbandonedThread.where(thread.getStackTrace());
    }

    private String inHand(Worker worker) {
        try {
            return worker.inHand();
        } catch (RuntimeException e) {
            return "its work cannot say what it has in hand: " + e;
        }
    }

    /** Live threads of the process's group that are neither its latest run's nor its abandoned one. */
    private int taskThreads() {
        Thread[] all = new Thread[threads.activeCount() + 8];
        int n = threads.enumerate(all, true);
        Thread own = current;
        AbandonedThread a = abandoned;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (all[i] != own && (a == null || !a.is(all[i]))) count++;
        }
        return count;
    }

    /**
     * The worker's counters (of its current or last run), {@code restarts}: spawns after the first, and
     * {@code log_error} while a log file of the process cannot be written; for a thread, {@code stuck_thread} (while
     * its abandoned thread lives) and {@code task_busy}; with {@code live}, for a thread {@code task_threads}, for a
     * child process its {@code fds} and {@code threads} (docs/control.md).
     */
    private Map<String, Object> counters(Worker worker, String stuck, String busy, boolean live) {
        Map<String, Object> counters = new LinkedHashMap<>();
        if (worker != null) {
            try {
                Map<String, Object> c = worker.counters();
                if (c != null) counters.putAll(c);
            } catch (RuntimeException e) {
                // a worker's counters are informative only
            }
        }
        counters.put(ProcessInfo.RESTARTS, Math.max(0, spawns - 1));
        if (worker != null && worker.killable()) {
            long pid = status.pid();
            if (live && pid > 0) {
                ProcFs.count(pid, "fd").ifPresent(n -> counters.put(FDS, n));
                ProcFs.count(pid, "task").ifPresent(n -> counters.put(THREADS, n));
            }
        } else if (worker != null) {
            if (live) counters.put(TASK_THREADS, taskThreads());
            if (stuck != null) counters.put(STUCK_THREAD, stuck);
            if (busy != null) counters.put(TASK_BUSY, busy);
        }
        String logProblem = log == null ? null : log.problem();
        if (logProblem != null) counters.put("log_error", logProblem);
        return counters;
    }

    /** One spawn: the worker's thread body. */
    private final class Run implements Runnable {
        final long pid;
        final Worker worker;
        final long startNanos = host.clock().nanoTime();
        Thread thread;
        // confined to the supervisor thread
        long stopRequestedNanos;
        boolean ready;
        boolean startsecsElapsed;
        volatile long exitNanos = -1;
        volatile long exitMillis;

        Run(long pid, Worker worker) {
            this.pid = pid;
            this.worker = worker;
        }

        @Override
        public void run() {
            ProcessLogs.bind(config.namespec());
            if (config.launch() != null) ProcessLogs.bindWorker(config.launch().worker());
            int code;
            try {
                code = worker.run();
            } catch (VirtualMachineError e) {
                if (!(e instanceof StackOverflowError)) throw e; // the JVM's state is lost: the daemon's handler ends it
                code = 1;
                LOG.error("{} (pid {}) failed: {}", config.name(), pid, e.toString(), e);
            } catch (Throwable e) {
                code = 1;
                LOG.error("{} (pid {}) failed: {}", config.name(), pid, e.toString(), e);
            }
            exitMillis = host.clock().currentTimeMillis();
            exitNanos = host.clock().nanoTime();
            int exitCode = code;
            post(() -> exited(this, exitCode));
        }
    }
}
