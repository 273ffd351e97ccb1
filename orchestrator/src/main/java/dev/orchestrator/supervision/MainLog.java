package dev.orchestrator.supervision;

import dev.orchestrator.config.ChildOptions;
import dev.orchestrator.config.UnixSignals;
import dev.orchestrator.logging.LogSystem;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * supervisord's main-log lines, with its exact texts (supervisor/process.py), on the main logger, the same for
 * threads and child processes. A thread has no signals: the stop request stands for SIGTERM, and abort plus
 * interrupt past stopwaitsecs for SIGKILL.
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

    /** An exit on its own: from STARTING (always "not expected"), or from RUNNING. {@code code} as {@link Worker#run}. */
    static void exited(String name, int code, boolean expected) {
        LOG.log(expected ? Level.INFO : Level.WARN, "exited: {} ({}; {})", name, exitText(code),
                expected ? "expected" : "not expected");
    }

    /** supervisord's {@code decode_wait_status}: {@code exit status N}, or {@code terminated by SIGTERM}. */
    static String exitText(int code) {
        return code < 0 ? "terminated by " + UnixSignals.name(-code) : "exit status " + code;
    }

    static void gaveUp(String name) {
        LOG.info("gave up: {} entered FATAL state, too many start retries too quickly", name);
    }

    /** The stop signal: {@code child} is null for a thread (its stop request stands for SIGTERM). */
    static void stopRequested(String name, long pid, ChildOptions child) {
        if (child == null) {
            LOG.debug("killing {} (pid {}) with signal SIGTERM (stop request)", name, pid);
        } else {
            LOG.debug("killing {} (pid {}) {}with signal {}", name, pid, child.stopasgroup() ? "process group " : "",
                    UnixSignals.name(child.stopsignal()));
        }
    }

    static void backoffStopped(String name) { LOG.debug("Attempted to kill {}, which is in BACKOFF state.", name); }

    static void waitingToStop(String name) { LOG.info("waiting for {} to stop", name); }

    static void killing(String name, long pid) { LOG.warn("killing '{}' ({}) with SIGKILL", name, pid); }

    static void stopped(String name, int code, boolean expected) {
        LOG.log(expected ? Level.INFO : Level.WARN, "stopped: {} ({})", name, exitText(code));
    }

    static void stoppedKilled(String name) { LOG.warn("stopped: {} (terminated by SIGKILL)", name); }

    /**
     * A thread still running after its stop request, abort and interrupt: what it had in hand ({@link Worker#inHand})
     * on the line, its stack under it.
     */
    static void abandoned(String name, long pid, String program, String inHand, Throwable stack) {
        LOG.warn("abandoned the thread of {} (pid {}) of program {}: still running after its stop request, abort and"
                + " interrupt{}", name, pid, program, inHand == null ? "" : "; " + inHand, stack);
    }

    static void abandonedEnded(String name, long pid, int code) {
        LOG.info("abandoned thread of {} (pid {}) ended ({})", name, pid, exitText(code));
    }

    static void waitingToDie(List<String> names) { LOG.info("waiting for {} to die", String.join(", ", names)); }

    static void problem(String message, Throwable error) { LOG.error(message, error); }
}
