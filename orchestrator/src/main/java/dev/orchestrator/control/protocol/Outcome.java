package dev.orchestrator.control.protocol;

/**
 * What happened to one process (or group) in a multi-name request, as supervisord's per-process results:
 * {@code name} is the namespec (or the name as given when it matched nothing), {@code fault} is null on success or
 * a fault code name ({@code SPAWN_ERROR}, {@code BAD_NAME}...), {@code message} the fault's text or, for
 * {@code update}, what was done ({@code stopped}, {@code added process group}...). {@code group} is true when the
 * unmatched name was a group spec ({@code G:*}).
 */
public record Outcome(String name, String fault, String message, Boolean group) {

    public static Outcome ok(String name) { return new Outcome(name, null, null, null); }

    public static Outcome done(String name, String message) { return new Outcome(name, null, message, null); }

    public static Outcome failed(String name, String fault, String message) { return new Outcome(name, fault, message, null); }

    public boolean succeeded() { return fault == null; }

    public boolean isGroup() { return Boolean.TRUE.equals(group); }
}
