package dev.orchestrator.broker;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Wake-ups of worker threads by a connection's reader thread, one per worker per socket read instead of one per
 * delivery: the deliveries that the reader parses from one fill of its read buffer are often a burst for the same
 * few workers, and each unpark of a waiting thread is a futex call and a context switch. On a reader made by
 * {@link BrokerConnector} (blocking I/O, {@link WakeBatchingFrameHandler}), an {@link #unpark} is held until the reader
 * goes back to its socket ({@link #release}), so never past the next blocking read or write; on any other thread
 * (the NIO loop, the embedded broker's tests, a worker) it unparks at once.
 */
public final class ReaderWakes {

    private ReaderWakes() { }

    /** Unparks {@code thread} now, or, on a reader thread between two socket reads, when it next goes to its socket. */
    public static void unpark(Thread thread) {
        if (Thread.currentThread() instanceof Reader reader && reader.holding) {
            reader.hold(thread);
        } else {
            LockSupport.unpark(thread);
        }
    }

    /** From now on, the current thread, if a reader, holds its wake-ups until {@link #release}. */
    static void holdOnCurrentThread() {
        if (Thread.currentThread() instanceof Reader reader) {
            reader.holding = true;
        }
    }

    /** Unparks the threads that the current thread, if a reader, holds: it is about to block on its socket. */
    static void release() {
        if (Thread.currentThread() instanceof Reader reader) {
            reader.releaseHeld();
        }
    }

    /**
     * A thread of amqp-client's made by {@link BrokerConnector}; as a connection's reader it holds the wake-ups its
     * handlers ask for between two socket reads, each thread once, and releases those left when it ends.
     */
    static final class Reader extends Thread {

        private Thread[] held = new Thread[4];
        private int count;
        private boolean holding;

        Reader(ThreadGroup group, Runnable task, String name) {
            super(group, task, name);
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                holding = false;
                releaseHeld();
            }
        }

        private void hold(Thread thread) {
            for (int i = 0; i < count; i++) {
                if (held[i] == thread) return;
            }
            if (count == held.length) held = Arrays.copyOf(held, count * 2);
            held[count++] = thread;
        }

        private void releaseHeld() {
            for (int i = 0; i < count; i++) {
                LockSupport.unpark(held[i]);
                held[i] = null;
            }
            count = 0;
        }
    }
}
