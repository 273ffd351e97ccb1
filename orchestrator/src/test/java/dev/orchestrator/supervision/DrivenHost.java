package dev.orchestrator.supervision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
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

    private record Task(long due, long seq, FutureTask<?> run) { }

    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    final List<Change> changes = new CopyOnWriteArrayList<>();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final Thread supervisor = Thread.currentThread();
    private final WorkerFactory factory;
    private volatile long now;
    private long seq;
    private long pids;

    DrivenHost(WorkerFactory factory) { this.factory = factory; }

    @Override
    public synchronized Future<?> schedule(Runnable task, long delayNanos) {
        FutureTask<?> run = new FutureTask<>(task, null);
        tasks.add(new Task(now + delayNanos, seq++, run));
        notifyAll();
        return run;
    }

    @Override
    public long nanoTime() { return now; }

    @Override
    public long currentTimeMillis() { return EPOCH_MILLIS + now / 1_000_000; }

    @Override
    public WorkerFactory factory() { return factory; }

    @Override
    public synchronized long nextPid() { return ++pids; }

    @Override
    public boolean onSupervisorThread() { return Thread.currentThread() == supervisor; }

    @Override
    public boolean spawning() { return true; }

    @Override
    public void changed(ProcessEvent event) { changes.add(new Change(event.to(), now)); }

    /** Moves the clock forward, running each task at its own deadline, in order. */
    void advance(long amount, TimeUnit unit) {
        long end = now + unit.toNanos(amount);
        for (Task next = nextDue(end); next != null; next = nextDue(end)) {
            now = Math.max(now, next.due);
            next.run.run();
        }
        now = end;
    }

    /**
     * Runs what is due now, and what other threads post (a worker's exit, its readiness) as it comes, until
     * {@code done}; time does not move.
     */
    void runPostedUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            advance(0, TimeUnit.NANOSECONDS);
            if (done.getAsBoolean()) return;
            synchronized (this) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "not done after 5 s of posts");
                if (tasks.stream().noneMatch(t -> t.due <= now)) TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private synchronized Task nextDue(long end) {
        Task next = tasks.peek();
        if (next == null || next.due > end) return null;
        return tasks.poll();
    }
}
