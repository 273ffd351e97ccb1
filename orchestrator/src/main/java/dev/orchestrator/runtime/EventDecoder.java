package dev.orchestrator.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events in: a JSON object, read within bounds so that no event can exhaust the heap (a 56 MB body of 2 million small
 * objects once ended the daemon). A body over the engine's {@code max_event_bytes} is refused before it is parsed;
 * the parser then stops at {@link #MAX_DEPTH} levels of nesting, {@link #MAX_TOKENS} tokens (what a tree costs in
 * memory grows with its tokens, not its bytes), numbers of {@link #MAX_NUMBER_LENGTH} digits and strings of
 * {@code max_event_bytes}. Either way the event is an {@link OversizedEvent} naming the limit it broke, and goes to
 * the error queue.
 */
final class EventDecoder {

    /** Nesting of objects and arrays (Canopsis' events are flat; Jackson's default is 1,000). */
    static final int MAX_DEPTH = 64;
    /** Tokens of one event: a Canopsis event has a few dozen; 100,000 small ones make a tree of ~10 MB. */
    static final int MAX_TOKENS = 100_000;
    /** Digits of one number (Jackson's default is 1,000: parsing such numbers is quadratic). */
    static final int MAX_NUMBER_LENGTH = 100;

    /** One per limit, shared by every worker with that limit: an {@code ObjectReader} is immutable and thread-safe. */
    private static final Map<Integer, EventDecoder> SHARED = new ConcurrentHashMap<>();

    private final int maxEventBytes;
    private final ObjectReader reader;

    /**
     * The decoder of bodies of at most {@code maxEventBytes}, shared: making one (an {@code ObjectMapper} and its
     * root deserializer) costs more CPU and memory than a worker's start-up and idle state otherwise need.
     */
    static EventDecoder of(int maxEventBytes) {
        return SHARED.computeIfAbsent(maxEventBytes, EventDecoder::new);
    }

    private EventDecoder(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(maxEventBytes)
                .maxStringLength(maxEventBytes)
                .maxNestingDepth(MAX_DEPTH)
                .maxTokenCount(MAX_TOKENS)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits).build();
        this.reader = new ObjectMapper(factory).readerFor(JsonNode.class);
    }

    /**
     * The event in {@code body}: an {@link OversizedEvent} when it breaks a limit, an {@link UndecodableEvent} saying
     * what it is when it is not a JSON object.
     */
    ObjectNode decode(byte[] body) throws OversizedEvent, UndecodableEvent {
        if (body.length > maxEventBytes) {
            throw new OversizedEvent("event of " + body.length + " bytes, over max_event_bytes (" + maxEventBytes
                    + ")", null);
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new OversizedEvent("event over a read limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UndecodableEvent("body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UndecodableEvent("body is not JSON: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode event)) {
            throw new UndecodableEvent("body is not a JSON object but " + (node == null || node.isMissingNode()
                    ? "empty" : node.getNodeType().name().toLowerCase()), null);
        }
        return event;
    }
}
