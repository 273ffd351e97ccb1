package dev.orchestrator.supervision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A clock the test drives, as supervisord's tests replace {@code time.time}: time moves only by {@link #advance},
 * which runs each task due at its own deadline, in order, each done before the next, so timings are exact and
 * nothing sleeps. A task runs on the thread that moves time ({@link #schedule(Runnable, long)}, a lone process's
 * supervisor thread in {@link DrivenHost}) or on the supervisor thread it names (a {@link SupervisorCore}'s).
 */
final class DrivenClock implements SupervisorClock {

    private record Task(long due, long seq, Runnable run) { }

    private static final long EPOCH_MILLIS = 1_700_000_000_000L;

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private volatile long now;
    private long seq;

    @Override
    public long nanoTime() { return now; }

    @Override
    public long currentTimeMillis() { return EPOCH_MILLIS + now / 1_000_000; }

    /** Queues {@code task} to run on the thread that moves time, once {@code delayNanos} have passed (0 too). */
    synchronized Future<?> schedule(Runnable task, long delayNanos) {
        FutureTask<?> run = new FutureTask<>(task, null);
        tasks.add(new Task(now + delayNanos, seq++, run));
        notifyAll();
        return run;
    }

    /** What is due now goes to {@code thread} at once; a later deadline waits for time to reach it. */
    @Override
    public Future<?> schedule(ScheduledExecutorService thread, Runnable task, long delayNanos) {
        if (delayNanos <= 0) return thread.submit(task);
        FutureTask<?> run = new FutureTask<>(task, null);
        schedule(() -> finish(thread.submit(run)), delayNanos);
        return run;
    }

    private static void finish(Future<?> ran) {
        try {
            ran.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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
