package dev.orchestrator.supervision;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The thread of a run abandoned past stopwaitsecs: a thread cannot be killed, so it lives until its code returns,
 * which a task spinning or blocked deaf to interrupts never does (docs/runtime.md, "What a task can do to the daemon"). While it lives,
 * {@code status} says where it is stuck and its process refuses a new run (at most one abandoned thread per process).
 */
record AbandonedThread(Thread thread, long stopRequestedNanos) {

    boolean alive() { return thread.isAlive(); }

    boolean is(Thread other) { return thread == other; }

    /** {@code task stuck 42 s in com.x.Y.method (thread alive)}: seconds since the stop request, at {@code nowNanos}. */
    String describe(long nowNanos) {
        return "task stuck " + TimeUnit.NANOSECONDS.toSeconds(nowNanos - stopRequestedNanos) + " s in "
                + where(thread.getStackTrace()) + " (thread alive)";
    }

    /** The thread's stack now, as a throwable for the log. */
    Throwable stack() {
        return new ThreadStack(thread);
    }

    /** The first frame outside the JDK (the task's own code), else the top frame: {@code com.x.Y.method}. */
    static String where(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(f -> !ThreadStack.jdk(f)).findFirst()
                .or(() -> Arrays.stream(stack).findFirst())
                .map(f -> f.getClassName() + "." + f.getMethodName()).orElse("(no stack: the thread just ended)");
    }
}
