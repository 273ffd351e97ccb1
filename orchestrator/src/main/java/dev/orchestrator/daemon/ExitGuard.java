package dev.orchestrator.daemon;

import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.supervision.ThreadStack;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * How the daemon's JVM may end besides its own shutdown, each with a line in the main log and the pidfile and
 * socket removed (docs/runtime.md, "What a task can do to the daemon"):
 * <ul>
 * <li>a {@link VirtualMachineError} that reaches a thread's top (an {@link OutOfMemoryError} in a task, named with its
 * engine and event by the worker): the JVM's state is lost, so the daemon halts at once with status 3 and the broker
 * redelivers what was not acked (a supervisor such as systemd starts it again);</li>
 * <li>{@code System.exit} called by someone else than the daemon (a task): it cannot be refused without a
 * SecurityManager, so the shutdown hook names the thread and the code that called it.</li>
 * </ul>
 * {@code Runtime.halt} skips every hook: an engine that may call it belongs in its own JVM.
 */
final class ExitGuard {

    static final int FATAL_STATUS = 3;

    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    private final Runnable cleanup;
    private volatile boolean exitExpected;

    private ExitGuard(Runnable cleanup) {
        this.cleanup = cleanup;
    }

    /** Installs the handler of uncaught errors and the shutdown hook; {@code cleanup} removes pidfile and socket. */
    static ExitGuard install(Runnable cleanup) {
        ExitGuard guard = new ExitGuard(cleanup);
        Thread.setDefaultUncaughtExceptionHandler(guard::uncaught);
        Runtime.getRuntime().addShutdownHook(new Thread(guard::unexpectedExit, "exit-guard"));
        return guard;
    }

    /** The daemon ends on its own terms (shutdown request, signal): no report. */
    void exitExpected() {
        exitExpected = true;
    }

    private void uncaught(Thread thread, Throwable error) {
        if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
            exitExpected = true;
            try {
                LOG.fatal("{} in thread {}: the daemon halts with status {}; unacknowledged events go back to"
                        + " their queues", error.getMessage() == null ? error : error.getMessage(), thread.getName(),
                        FATAL_STATUS);
                cleanup.run();
                LogManager.shutdown();
            } finally {
                Runtime.getRuntime().halt(FATAL_STATUS);
            }
        }
        LOG.error("uncaught {} in thread {}", error, thread.getName(), error);
    }

    private void unexpectedExit() {
        if (exitExpected) return;
        LOG.fatal("the JVM is exiting without a shutdown request: {}; unacknowledged events go back to their queues",
                caller());
        cleanup.run();
        LogManager.shutdown();
    }

    /** The thread in {@code Runtime.exit} and the code that called it (its first frames outside the JDK). */
    static String caller() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = e.getValue();
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    String calledFrom = Arrays.stream(stack, i + 1, stack.length).filter(f -> !ThreadStack.jdk(f)).limit(2)
                            .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                                    + f.getLineNumber() + ")")
                            .collect(Collectors.joining(" < "));
                    return "System.exit called by thread " + e.getKey().getName() + " at " + calledFrom;
                }
            }
        }
        return "the JVM was asked to exit (no thread in System.exit: a signal the daemon does not handle)";
    }
}
