package dev.orchestrator.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import java.io.IOException;

/** Events on the wire: a JSON object in, persistent UTF-8 JSON out (Canopsis' event format, docs/engines.md). */
final class EventCodec {

    /** The properties of every event a worker publishes. */
    static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).build();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Bound once to JsonNode: no type resolution per event. */
    private static final ObjectReader JSON_IN = MAPPER.readerFor(JsonNode.class);
    private static final ObjectWriter JSON_OUT = MAPPER.writerFor(JsonNode.class);

    private EventCodec() {
    }

    /** The event in {@code body}; anything but a JSON object is an {@link UndecodableEvent} saying what it is. */
    static ObjectNode decode(byte[] body) throws UndecodableEvent {
        JsonNode node;
        try {
            node = JSON_IN.readTree(body);
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

    /** The body of {@code event}; a task's unserialisable event is an IllegalArgumentException saying why. */
    static byte[] encode(ObjectNode event) {
        try {
            return JSON_OUT.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the event: " + e.getOriginalMessage(), e);
        }
    }
}
