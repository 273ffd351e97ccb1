package dev.orchestrator.supervision;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor's time: the clocks of its deadlines and timestamps, and the wait for a deadline (startsecs,
 * backoff, stopwaitsecs, the slow-stop and shutdown reports). The system's in the daemon; a test drives its own, as
 * supervisord's tests replace {@code time.time}, so timings are checked exactly whatever the machine's load.
 */
interface SupervisorClock {

    /** The system's clocks; deadlines wait on the supervisor thread's own scheduler. */
    SupervisorClock SYSTEM = new SupervisorClock() {
        @Override
        public long nanoTime() { return System.nanoTime(); }

        @Override
        public long currentTimeMillis() { return System.currentTimeMillis(); }

        @Override
        public Future<?> schedule(ScheduledExecutorService thread, Runnable task, long delayNanos) {
            return thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    };

    /** The clock of deadlines and exit times, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall clock of start and stop times, as {@link System#currentTimeMillis()}. */
    long currentTimeMillis();

    /**
     * Runs {@code task} on {@code thread} once {@code delayNanos} of {@link #nanoTime()} have passed (0: as soon as
     * it can); the future cancels it.
     *
     * @throws java.util.concurrent.RejectedExecutionException once {@code thread} is shut down
     */
    Future<?> schedule(ScheduledExecutorService thread, Runnable task, long delayNanos);
}
