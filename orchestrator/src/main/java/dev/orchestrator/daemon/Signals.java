package dev.orchestrator.daemon;

import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.SupervisorCore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import sun.misc.Signal;

/**
 * The daemon's signals, as supervisord's: SIGTERM and SIGINT ask for a graceful shutdown (every worker stopped in
 * order, nothing lost; they also end a restart under way), SIGHUP for a restart (stop all, re-read, start).
 * {@code sun.misc.Signal} replaces the JVM's default handlers, so no shutdown-hook sequence starts and the daemon
 * exits 0 once everything has stopped; where a signal cannot be handled, a shutdown hook stops everything instead
 * (the exit status is then the JVM's).
 */
final class Signals {

    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    private Signals() { }

    static void install(SupervisorCore supervisor, Runnable fallbackHook) {
        boolean handled = handle("TERM", "exit", supervisor::terminate);
        handled &= handle("INT", "exit", supervisor::terminate);
        handle("HUP", "restart", supervisor::restart);
        if (!handled) Runtime.getRuntime().addShutdownHook(new Thread(fallbackHook, "shutdown-hook"));
    }

    private interface Request {
        void run() throws Fault;
    }

    private static boolean handle(String name, String meaning, Request request) {
        try {
            Signal.handle(new Signal(name), s -> {
                LOG.warn("received SIG{} indicating {} request", name, meaning);
                try {
                    request.run();
                } catch (Fault f) {
                    LOG.info("SIG{} ignored: {}", name, f.code() == Fault.Code.SHUTDOWN_STATE
                            ? "already shutting down or restarting" : f.getMessage());
                }
            });
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("cannot handle SIG{}: {}", name, e.getMessage());
            return false;
        }
    }
}
