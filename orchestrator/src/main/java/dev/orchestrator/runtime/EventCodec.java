package dev.orchestrator.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;

/**
 * Events on the wire: persistent UTF-8 JSON out (Canopsis' event format, docs/engines.md); in, {@link EventDecoder}.
 */
final class EventCodec {

    /** The properties of every event a worker publishes. */
    static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).build();

    private static final ObjectWriter JSON_OUT = new ObjectMapper().writerFor(JsonNode.class);

    private EventCodec() {
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
