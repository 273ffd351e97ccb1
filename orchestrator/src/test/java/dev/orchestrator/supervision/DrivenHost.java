package dev.orchestrator.supervision;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A supervisor for one process whose clock the test drives: scheduled tasks run on the test's thread (the
 * "supervisor thread") when the test moves time past their deadline, so timings are exact and nothing sleeps.
 * Workers still run on their own threads; their exits are posted here and run by {@link #runPostedUntil}.
 */
final class DrivenHost implements SupervisedProcess.Host {

    /** One transition and the driven time it happened at. */
    record Change(ProcessState to, long nanos) { }

    final List<Change> changes = new CopyOnWriteArrayList<>();
    private final DrivenClock clock = new DrivenClock();
    private final Thread supervisor = Thread.currentThread();
    private final WorkerFactory factory;
    private long pids;

    DrivenHost(WorkerFactory factory) { this.factory = factory; }

    @Override
    public Future<?> schedule(Runnable task, long delayNanos) { return clock.schedule(task, delayNanos); }

    @Override
    public SupervisorClock clock() { return clock; }

    @Override
    public WorkerFactory factory() { return factory; }

    @Override
    public synchronized long nextPid() { return ++pids; }

    @Override
    public boolean onSupervisorThread() { return Thread.currentThread() == supervisor; }

    @Override
    public boolean spawning() { return true; }

    @Override
    public void changed(ProcessEvent event) { changes.add(new Change(event.to(), clock.nanoTime())); }

    /** Moves the clock forward, running each task at its own deadline, in order. */
    void advance(long amount, TimeUnit unit) { clock.advance(amount, unit); }

    /** {@link DrivenClock#runPostedUntil}. */
    void runPostedUntil(BooleanSupplier done) throws InterruptedException { clock.runPostedUntil(done); }
}
