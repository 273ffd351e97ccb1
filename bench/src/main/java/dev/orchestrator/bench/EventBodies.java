package dev.orchestrator.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.feed.SampleEvents;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's events: the feeder's {@link SampleEvents} (Canopsis checks, logs, perf events) with the send time
 * in a {@code bench_ns} field ({@link System#nanoTime()} as 19 digits in a string, so the sink of the same JVM reads
 * the end-to-end latency) and a {@code long_output} padding each body to exactly the workload's message size.
 * Bodies are serialised once; sending one costs a copy of its template and 19 digits.
 */
final class EventBodies {

    static final String STAMP_FIELD = "bench_ns";
    private static final byte[] STAMP_KEY = ('"' + STAMP_FIELD + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final int DIGITS = 19;
    private static final int VARIANTS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[][] templates = new byte[VARIANTS][];
    private final int[] stampAt = new int[VARIANTS];
    private int next;

    EventBodies(int size) {
        SampleEvents samples = new SampleEvents(7);
        for (int i = 0; i < VARIANTS; i++) {
            ObjectNode event = samples.next();
            event.put(STAMP_FIELD, "0".repeat(DIGITS));
            event.put("long_output", "");
            int padding = size - serialise(event).length;
            if (padding < 0) throw new IllegalArgumentException("a sample event is larger than " + size + " bytes");
            event.put("long_output", "x".repeat(padding));
            templates[i] = serialise(event);
            stampAt[i] = indexOf(templates[i], STAMP_KEY, 0) + STAMP_KEY.length;
        }
    }

    /** The next body, stamped with {@code nanos}; one producer thread only. */
    byte[] next(long nanos) {
        int i = next++ % VARIANTS;
        byte[] body = templates[i].clone();
        long v = nanos;
        for (int at = stampAt[i] + DIGITS - 1; at >= stampAt[i]; at--, v /= 10) body[at] = (byte) ('0' + v % 10);
        return body;
    }

    /** The send time in {@code body}, or -1 when it has none (an event that did not come from here). */
    static long stamp(byte[] body) {
        int at = indexOf(body, STAMP_KEY, 0);
        if (at < 0 || at + STAMP_KEY.length + DIGITS > body.length) return -1;
        long v = 0;
        for (int i = at + STAMP_KEY.length, end = i + DIGITS; i < end; i++) {
            int d = body[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static byte[] serialise(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
