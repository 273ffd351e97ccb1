package dev.orchestrator.control.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reply line. Exactly one field is set: {@code item} (one outcome of a multi-process request), {@code data}
 * (a chunk of log text for tail), {@code result} (the final success, possibly an empty object) or {@code error}
 * (the final failure). A line with none set is a keep-alive sent during {@code tail -f}.
 */
public record Reply(Outcome item, String data, JsonNode result, Error error) {

    /** A refused request: {@code fault} is a supervisord fault name ({@code BAD_NAME}, {@code UNKNOWN_METHOD}...). */
    public record Error(String fault, String message) {}

    public static final Reply KEEP_ALIVE = new Reply(null, null, null, null);

    public static Reply item(Outcome item) { return new Reply(item, null, null, null); }

    public static Reply data(String data) { return new Reply(null, data, null, null); }

    public static Reply result(Object result) { return new Reply(null, null, Protocol.JSON.valueToTree(result), null); }

    public static Reply error(String fault, String message) { return new Reply(null, null, null, new Error(fault, message)); }

    boolean isFinal() { return result != null || error != null; }
}
