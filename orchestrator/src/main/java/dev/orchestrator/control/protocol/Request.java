package dev.orchestrator.control.protocol;

import java.util.List;

/**
 * One control request. {@code method} names the operation; the other fields are its parameters and are null when
 * the method does not use them: {@code names} (namespecs or group names), {@code await} (start/stop wait for the
 * target state), {@code channel}/{@code bytes}/{@code follow} (tail, maintail), {@code limit} (errors: how many
 * events), {@code ids} (replay: the events' ids, every event when null), {@code signal} (signal: a name or number),
 * {@code chars} (stdin: the text to write), {@code brief} (status: each process as a {@link ProcessRow} only).
 */
public record Request(String method, List<String> names, Boolean await, String channel, Integer bytes, Boolean follow,
                      Integer limit, List<String> ids, String signal, String chars, Boolean brief) {

    public static Request of(String method) {
        return new Request(method, null, null, null, null, null, null, null, null, null, null);
    }

    public static Request of(String method, List<String> names) {
        return new Request(method, List.copyOf(names), null, null, null, null, null, null, null, null, null);
    }

    public static Request of(String method, List<String> names, boolean await) {
        return new Request(method, List.copyOf(names), await, null, null, null, null, null, null, null, null);
    }

    public static Request tail(String name, String channel, int bytes, boolean follow) {
        return new Request("tail", List.of(name), null, channel, bytes, follow, null, null, null, null, null);
    }

    /** The first {@code limit} events of {@code engine}'s error queue. */
    public static Request errors(String engine, int limit) {
        return new Request("errors", List.of(engine), null, null, null, null, limit, null, null, null, null);
    }

    /** Replays the events {@code ids} (all when null) of {@code engine}'s error queue to its queue. */
    public static Request replay(String engine, List<String> ids) {
        return new Request("replay", List.of(engine), null, null, null, null, null,
                ids == null ? null : List.copyOf(ids), null, null, null);
    }

    /** {@code maintail}: the end of the daemon's own log, then (with {@code follow}) what it appends. */
    public static Request maintail(int bytes, boolean follow) {
        return new Request("maintail", null, null, null, bytes, follow, null, null, null, null, null);
    }

    /** Sends {@code signal} to the processes {@code names}. */
    public static Request signal(String signal, List<String> names) {
        return new Request("signal", List.copyOf(names), null, null, null, null, null, null, signal, null, null);
    }

    /** Writes {@code chars} to the standard input of the process {@code name} (supervisord's sendProcessStdin). */
    public static Request stdin(String name, String chars) {
        return new Request("stdin", List.of(name), null, null, null, null, null, null, null, chars, null);
    }

    /** {@code status} of {@code names} (all when empty) as the table shows them: {@link ProcessRow}s. */
    public static Request statusRows(List<String> names) {
        return new Request("status", List.copyOf(names), null, null, null, null, null, null, null, null, true);
    }

    public List<String> namesOrEmpty() { return names == null ? List.of() : names; }

    public boolean awaitOrDefault() { return await == null || await; }
}
