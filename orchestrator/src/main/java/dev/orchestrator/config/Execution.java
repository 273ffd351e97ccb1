package dev.orchestrator.config;

import java.util.List;

/**
 * How a process runs, decided when its {@code [program:x]} is read, with the reason shown by {@code check} and
 * {@code status --json}: a Java engine on a thread of the daemon, a command as a child process (supervisord's
 * way), or a Java engine in a child JVM of its own ({@code isolation=process}). docs/supervision.md.
 */
public sealed interface Execution {

    /** Why the process runs this way, for people: one short clause. */
    String reason();

    /** A Java engine run by a worker thread of the daemon. */
    record Thread(LaunchSpec launch, String reason) implements Execution {}

    /** A command run as a child process: {@code argv} is {@code command=} split and expanded, as supervisord's. */
    record Child(List<String> argv, String reason) implements Execution {
        public Child {
            argv = List.copyOf(argv);
        }
    }

    /** A Java engine run as {@code orchestrator launch} with the same arguments, in a child JVM of its own. */
    record IsolatedJvm(LaunchSpec launch, String reason) implements Execution {}

    /** The Java engine this runs, or null for a command. */
    default LaunchSpec engine() {
        if (this instanceof Thread t) return t.launch();
        if (this instanceof IsolatedJvm j) return j.launch();
        return null;
    }

    /** True when the work is an operating-system process (it has a pid, gets signals, has a process group). */
    default boolean isChildProcess() { return !(this instanceof Thread); }
}
