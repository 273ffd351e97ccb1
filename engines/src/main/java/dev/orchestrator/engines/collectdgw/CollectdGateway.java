package dev.orchestrator.engines.collectdgw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.Logger;

/**
 * The {@code collectdgw} engine type: Canopsis' collectd gateway ({@code engines/collectdgw.py}, 2016 tree; no
 * database). Its queue takes collectd's {@code PUTVAL} lines (the amqp plugin's {@code Format Command}), which it
 * binds to {@code amq.topic} with {@code collectd} unless the section says otherwise, as the original's
 * {@code new_amqp_queue} did; each line becomes a Canopsis perf event ({@link PutvalLine}) published to
 * {@code canopsis.events}. Lines go nowhere else ({@code next} is not used); a line that is not a {@code PUTVAL}
 * goes to the error queue with the reason the original logged.
 */
public final class CollectdGateway implements Engine {

    public static final String TYPE = "collectdgw";
    /** Where the original bound its queue. */
    public static final String EXCHANGE = "amq.topic";
    public static final String ROUTING_KEY = "collectd";
    private static final String LINE = "putval";

    /** The engine type: the engine, and the original's binding unless the section gives one. */
    public static final EngineType ENGINE_TYPE = new EngineType() {
        @Override
        public Engine create(EngineContext context) {
            return new CollectdGateway(context);
        }

        @Override
        public Binding defaultBinding() {
            return new Binding(EXCHANGE, List.of(ROUTING_KEY));
        }
    };

    private final EngineContext context;
    private final Logger logger;

    private CollectdGateway(EngineContext context) {
        this.context = context;
        this.logger = context.logger();
    }

    /** A text body: the line, for {@link #onEvent}. */
    @Override
    public ObjectNode decodeOther(byte[] body) {
        return JsonNodeFactory.instance.objectNode().put(LINE, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public ObjectNode onEvent(ObjectNode message) {
        JsonNode line = message.get(LINE);
        if (line == null || !line.isTextual()) {
            throw new IllegalArgumentException("Invalid collectd Message (" + message + "): not a text line");
        }
        ObjectNode event = PutvalLine.toEvent(line.textValue(), System.currentTimeMillis() / 1000, logger);
        if (event != null) {
            logger.debug("Send Event: {}", event);
            context.publish(event);
        }
        return EventTask.DROP;
    }
}
