package dev.orchestrator.chaos.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.chaos.tasks.ChaosTasks;
import dev.orchestrator.feed.SampleEvents;
import dev.orchestrator.api.RoutingKeys;
import java.nio.charset.StandardCharsets;

/**
 * The events of a stream: the feeder's {@link SampleEvents}, each with a unique {@code chaos_id}. Some can be
 * made poison: a body that is not JSON, or JSON that makes {@link ChaosTasks#CHECK} throw, or one that blocks it.
 */
public final class Events {

    /** What kind of event to make. */
    public enum Kind { NORMAL, NOT_JSON, THROWS, BLOCKS, RUNS_OUT_OF_MEMORY, RECURSES, EXITS }

    /** One message: its id, routing key and body. */
    public record Message(long id, String routingKey, byte[] body) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SampleEvents samples;

    public Events(long seed) {
        this.samples = new SampleEvents(seed);
    }

    public Message make(long id, Kind kind) {
        ObjectNode event = samples.next();
        event.put("chaos_id", id);
        if (kind == Kind.THROWS) event.put(ChaosTasks.THROW, true);
        if (kind == Kind.BLOCKS) event.put(ChaosTasks.BLOCK, true);
        if (kind == Kind.RUNS_OUT_OF_MEMORY) event.put(ChaosTasks.OOM, true);
        if (kind == Kind.RECURSES) event.put(ChaosTasks.RECURSE, true);
        if (kind == Kind.EXITS) event.put(ChaosTasks.EXIT, true);
        String routingKey = RoutingKeys.of(event);
        if (kind == Kind.NOT_JSON) {
            return new Message(id, routingKey, ("{\"chaos_id\":" + id + ", this is not JSON").getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new Message(id, routingKey, JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
