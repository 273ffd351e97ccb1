package dev.orchestrator.config;

/**
 * The {@code [program:x]} options that only mean something for a child process: {@code user} (a name or uid, null
 * for the daemon's user), {@code umask} (null to inherit), {@code stopsignal} (a number), {@code stopasgroup} and
 * {@code killasgroup}. A thread ignores them (check notes it).
 */
public record ChildOptions(String user, Integer umask, int stopsignal, boolean stopasgroup, boolean killasgroup) {

    /** supervisord's defaults: the daemon's user and umask, SIGTERM, the process alone. */
    public static ChildOptions defaults() { return new ChildOptions(null, null, UnixSignals.TERM, false, false); }
}
