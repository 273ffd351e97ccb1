package dev.orchestrator.supervision;

/**
 * Another thread's stack, as a throwable so that a log line prints it under its message; {@link #jdk} tells the
 * JDK's frames from the code of the daemon or of a task.
 */
public final class ThreadStack extends Throwable {

    public ThreadStack(Thread thread) {
        super("stack of thread " + thread.getName() + " (" + thread.getState() + ")", null, false, true);
        setStackTrace(thread.getStackTrace());
    }

    /** True for a frame of the JDK's own classes. */
    public static boolean jdk(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }
}
