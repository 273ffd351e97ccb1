package dev.orchestrator.control.protocol;

import java.util.List;

/**
 * One control request. {@code method} names the operation; the other fields are its parameters and are null when
 * the method does not use them: {@code names} (namespecs or group names), {@code await} (start/stop wait for the
 * target state), {@code channel}/{@code bytes}/{@code follow} (tail, maintail).
 */
public record Request(String method, List<String> names, Boolean await, String channel, Integer bytes, Boolean follow) {

    public static Request of(String method) {
        return new Request(method, null, null, null, null, null);
    }

    public static Request of(String method, List<String> names) {
        return new Request(method, List.copyOf(names), null, null, null, null);
    }

    public static Request of(String method, List<String> names, boolean await) {
        return new Request(method, List.copyOf(names), await, null, null, null);
    }

    public static Request tail(String name, String channel, int bytes, boolean follow) {
        return new Request("tail", List.of(name), null, channel, bytes, follow);
    }

    /** {@code maintail}: the end of the daemon's own log, then (with {@code follow}) what it appends. */
    public static Request maintail(int bytes, boolean follow) {
        return new Request("maintail", null, null, null, bytes, follow);
    }

    public List<String> namesOrEmpty() { return names == null ? List.of() : names; }

    public boolean awaitOrDefault() { return await == null || await; }
}
