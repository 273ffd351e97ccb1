package dev.orchestrator.supervision;

import dev.orchestrator.logging.LogSystem;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * supervisord's main-log lines, with its exact texts (reference §5.2), on the main logger. A thread
 * has no signals: the stop request stands for SIGTERM, and abort plus interrupt past stopwaitsecs for SIGKILL.
 * The lines go to {@link LogSystem#MAIN_LOGGER}.
 */
final class MainLog {

    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    private MainLog() { }

    static void spawned(String name, long pid) { LOG.info("spawned: '{}' with pid {}", name, pid); }

    static void spawnerr(String message) { LOG.info("spawnerr: {}", message); }

    static void success(String name, int startsecs) {
        LOG.info("success: {} entered RUNNING state, process has stayed up for > than {} seconds (startsecs)",
                name, startsecs);
    }

    /** An exit on its own: from STARTING (always "not expected"), or from RUNNING. */
    static void exited(String name, int code, boolean expected) {
        LOG.log(expected ? Level.INFO : Level.WARN, "exited: {} (exit status {}; {})", name, code,
                expected ? "expected" : "not expected");
    }

    static void gaveUp(String name) {
        LOG.info("gave up: {} entered FATAL state, too many start retries too quickly", name);
    }

    static void stopRequested(String name, long pid) {
        LOG.debug("killing {} (pid {}) with signal SIGTERM (stop request)", name, pid);
    }

    static void backoffStopped(String name) { LOG.debug("Attempted to kill {}, which is in BACKOFF state.", name); }

    static void waitingToStop(String name) { LOG.info("waiting for {} to stop", name); }

    static void killing(String name, long pid) { LOG.warn("killing '{}' ({}) with SIGKILL", name, pid); }

    static void stopped(String name, int code, boolean expected) {
        LOG.log(expected ? Level.INFO : Level.WARN, "stopped: {} (exit status {})", name, code);
    }

    static void stoppedKilled(String name) { LOG.warn("stopped: {} (terminated by SIGKILL)", name); }

    static void abandoned(String name, long pid) {
        LOG.warn("abandoned the thread of {} (pid {}): still running after its stop request, abort and interrupt",
                name, pid);
    }

    static void abandonedEnded(String name, long pid, int code) {
        LOG.info("abandoned thread of {} (pid {}) ended (exit status {})", name, pid, code);
    }

    static void waitingToDie(List<String> names) { LOG.info("waiting for {} to die", String.join(", ", names)); }

    static void problem(String message, Throwable error) { LOG.error(message, error); }
}
