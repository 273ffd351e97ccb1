package dev.orchestrator.supervision;

import dev.orchestrator.config.UnixSignals;
import java.util.Map;

/**
 * What a supervised process runs: a thread's body, or a child process, with supervisord's exit semantics.
 * {@link #run} blocks on the process's own thread until the work ends; its return value is the exit code (0 after a
 * requested stop or a clean end), or for a child killed by signal N, -N (as Python's {@code Popen.returncode}); a
 * thrown exception is an exit with code 1 whose message is logged.
 */
public interface Worker {

    int run() throws Exception;

    /**
     * Registers what to call once the worker serves (an engine worker: connected, topology declared, consuming).
     * The supervisor registers before {@link #run} and a process becomes RUNNING only once it is ready AND has
     * stayed up longer than startsecs, so RUNNING means "consuming", not merely "not dead yet"; a worker that ends
     * before it was ready is a failed start (BACKOFF). Call {@code ready} at most once, from any thread, without
     * blocking. The default: ready at once, which is supervisord's rule.
     */
    default void whenReady(Runnable ready) {
        ready.run();
    }

    /**
     * Cooperative stop, from another thread: finish the event in hand, let the broker requeue the rest. It runs on
     * the supervisor thread: return at once, the worker's own thread does the stopping.
     */
    void requestStop();

    /**
     * Past stopwaitsecs: interrupt and close what the worker holds; the thread may be abandoned. It runs on a thread
     * of its own, so it may block a while (closing a connection).
     */
    void abort();

    /**
     * A signal from {@code signal SIG NAME}, on the supervisor thread: return at once. A thread has no signals: the
     * default takes TERM, INT and QUIT as {@link #requestStop()} (an end of its own, so autorestart applies) and
     * refuses the others.
     *
     * @throws Fault FAILED when this work cannot take the signal
     */
    default void signal(int number, String name) throws Fault {
        if (number != UnixSignals.TERM && number != UnixSignals.INT && number != UnixSignals.QUIT) {
            throw new Fault(Fault.Code.FAILED, name + " runs as a thread: it takes TERM, INT or QUIT (an end of its"
                    + " own), not " + UnixSignals.name(number));
        }
        requestStop();
    }

    /**
     * supervisord's {@code sendProcessStdin}: writes {@code chars} to the work's standard input, on the caller's
     * thread (it may block while the reader lets its pipe fill). A thread has no standard input: NO_FILE with the
     * process's namespec, supervisord's fault for a process without one.
     *
     * @throws Fault NO_FILE when there is no standard input or it is closed
     */
    default void write(byte[] chars, String name) throws Fault {
        throw new Fault(Fault.Code.NO_FILE, name);
    }

    /**
     * True when {@link #abort()} surely ends the work and its end is reported by {@link #run} (a child process
     * killed with SIGKILL): the process stays STOPPING until then, as supervisord's. False for a thread, which may
     * linger: it is then reported STOPPED at once and abandoned.
     */
    default boolean killable() { return false; }

    /**
     * What the work has in hand, for the report of a thread abandoned past stopwaitsecs (an engine worker: its
     * engine, worker number and the event in its task); null when there is nothing to say. Called from another
     * thread while the work's own may be stuck: it must not wait for it.
     */
    default String inHand() { return null; }

    /**
     * Nanoseconds the work has been in its current task (an engine worker: the event in its task), 0 when in none;
     * called from another thread, it must not wait for the work's own.
     */
    default long taskNanos() { return 0; }

    /** The operating-system pid of the work, or 0 when it has none (a thread gets a synthetic pid). */
    default long pid() { return 0; }

    /** Counters for {@code status --json} (events in/out/dropped/errored, beats, rate...). */
    Map<String, Object> counters();
}
