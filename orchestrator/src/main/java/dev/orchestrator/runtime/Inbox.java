package dev.orchestrator.runtime;

import dev.orchestrator.broker.ReaderWakes;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker's {@link Signal}s in the order the broker's threads add them, taken by the worker's thread alone. A signal
 * the worker must act on at once (a delivery, a return, a nack, a lost session, a stop) wakes it; a confirm only
 * does once the confirms waiting in the inbox cover {@code confirmWake} outputs, so that an engine fed slower than it
 * works is woken per delivery, not per delivery and per confirm. The worker takes the other confirms with its next
 * signal, or when its acks are due ({@link DeliveryTracker#nanosUntilFlush}): the wait it passes to {@link #poll(long)}.
 * During a stop the worker waits for nothing but confirms: {@link #wakeOnEveryConfirm()}.
 * A wake from a connection's reader thread comes once per socket read ({@link ReaderWakes}), not per signal.
 */
final class Inbox {

    private final ConcurrentLinkedQueue<Signal> signals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger quietWeight = new AtomicInteger();
    private final int confirmWake;
    private volatile Thread waiting;
    private volatile boolean everyConfirmWakes;

    /** An inbox whose confirms wake the worker once they cover {@code confirmWake} outputs. */
    Inbox(int confirmWake) {
        this.confirmWake = Math.max(1, confirmWake);
    }

    /** A signal that wakes the worker. */
    void add(Signal signal) {
        signals.add(signal);
        wake();
    }

    /** A confirm of {@code outputs} outputs: it wakes the worker only with those before it, {@code confirmWake} or more. */
    void addConfirm(Signal.Confirm confirm, int outputs) {
        signals.add(confirm);
        if (everyConfirmWakes || quietWeight.addAndGet(outputs) >= confirmWake) {
            wake();
        }
    }

    /** From now on, every confirm wakes the worker: a stopping worker waits for its last confirms only. */
    void wakeOnEveryConfirm() {
        everyConfirmWakes = true;
    }

    /** The next signal, or null. */
    Signal poll() {
        return signals.poll();
    }

    /** The next signal, waiting at most {@code nanos} for one that wakes the worker; null when none came. */
    Signal poll(long nanos) throws InterruptedException {
        quietWeight.set(0);
        Signal signal = signals.poll();
        if (signal != null || nanos <= 0) {
            return signal;
        }
        long deadline = System.nanoTime() + nanos;
        waiting = Thread.currentThread();
        try {
            while ((signal = signals.poll()) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return signal;
        } finally {
            waiting = null;
        }
    }

    private void wake() {
        Thread worker = waiting;
        if (worker != null) {
            ReaderWakes.unpark(worker);
        }
    }
}
