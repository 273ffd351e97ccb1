package dev.orchestrator.control.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The control protocol over the Unix socket: one JSON {@link Request} per line from the client, then one or more
 * JSON {@link Reply} lines from the daemon. Intermediate lines carry an {@code item} (a per-process outcome, in
 * completion order) or {@code data} (log bytes for {@code tail}); the last line carries {@code result} or
 * {@code error}. A line longer than {@link #MAX_LINE} bytes is refused.
 */
public final class Protocol {

    /** Longest request line the daemon reads (bytes, newline excluded). */
    public static final int MAX_LINE = 64 * 1024;

    /** The one mapper both sides use: compact, nulls left out, unknown request fields refused. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Protocol() {}
}
