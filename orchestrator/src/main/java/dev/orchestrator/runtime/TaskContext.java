package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.Parameters;
import dev.orchestrator.api.RoutingKeys;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;

/**
 * What the engine's tasks see of their worker: the engine's settings, its logger, the event in hand's routing key,
 * and publishing, which goes through the worker's {@link Outputs} so that it counts as an output of that event.
 */
final class TaskContext implements EngineContext {

    /** The worker's side of a task's publish, called on the worker's thread. */
    interface Outputs {

        /** Fails (to the error queue) when the broker has no such exchange. */
        void checkExchange(String exchange);

        void publish(String exchange, String routingKey, byte[] body);
    }

    private final EngineConfig config;
    private final int worker;
    private final Logger logger;
    private final Path configDirectory;
    private final AmqpSettings amqp;
    private final Outputs outputs;
    private final Parameters parameters;
    private String routingKey;
    private ObjectNode event;

    TaskContext(EngineConfig config, int worker, Logger logger, Path configDirectory, AmqpSettings amqp,
            Outputs outputs) {
        this.config = config;
        this.worker = worker;
        this.logger = logger;
        this.configDirectory = configDirectory;
        this.amqp = amqp;
        this.outputs = outputs;
        this.parameters = new Parameters(config.name(), config.params());
    }

    /** A delivery is in hand, with this routing key. */
    void delivered(String deliveryRoutingKey) {
        this.routingKey = deliveryRoutingKey;
        this.event = null;
    }

    /** The event in hand, once decoded. */
    void decoded(ObjectNode decodedEvent) {
        this.event = decodedEvent;
    }

    /** No event in hand (a beat may run). */
    void betweenEvents() {
        this.routingKey = null;
        this.event = null;
    }

    @Override public String name() { return config.name(); }
    @Override public int worker() { return worker; }
    @Override public Map<String, String> params() { return config.params(); }
    @Override public Parameters parameters() { return parameters; }
    @Override public String eventProcessing() { return config.eventProcessing(); }
    @Override public String beatProcessing() { return config.beatProcessing(); }
    @Override public String queue() { return config.queue(); }
    @Override public int beatInterval() { return config.beatInterval(); }
    @Override public List<String> next() { return config.next(); }
    @Override public Path configDirectory() { return configDirectory; }
    @Override public Logger logger() { return logger; }
    @Override public String routingKey() { return routingKey; }

    @Override
    public String eventRoutingKey() {
        try {
            return event == null ? null : RoutingKeys.of(event);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override public String eventsExchange() { return amqp.eventsExchange(); }
    @Override public String alertsExchange() { return amqp.alertsExchange(); }

    @Override
    public void publish(ObjectNode event) {
        publish(event, amqp.eventsExchange(), RoutingKeys.of(event));
    }

    @Override
    public void publish(ObjectNode event, String exchange, String routingKey) {
        byte[] body = EventCodec.encode(event);
        outputs.checkExchange(exchange);
        outputs.publish(exchange, routingKey, body);
    }
}
