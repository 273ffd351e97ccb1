package dev.orchestrator.engines.filter;

import static dev.orchestrator.testing.EngineConfigs.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.Parameters;
import dev.orchestrator.api.RoutingKeys;
import dev.orchestrator.config.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** An engine's context without a broker: what the engine publishes is recorded, in order. */
final class RecordingContext implements EngineContext {

    /** One publication. */
    record Published(ObjectNode event, String exchange, String routingKey) { }

    private final EngineConfig config;
    private final List<Published> published = new ArrayList<>();

    RecordingContext(String name, Map<String, String> params, String... next) {
        this.config = engine(name).params(params).next(next).beat(60).build();
    }

    List<Published> published() {
        return published;
    }

    @Override public String name() { return config.name(); }
    @Override public Parameters parameters() { return new Parameters(config.name(), config.params()); }
    @Override public String eventProcessing() { return config.eventProcessing(); }
    @Override public String beatProcessing() { return config.beatProcessing(); }
    @Override public String queue() { return config.queue(); }
    @Override public int beatInterval() { return config.beatInterval(); }
    @Override public int worker() { return 0; }
    @Override public Map<String, String> params() { return config.params(); }
    @Override public List<String> next() { return config.next(); }
    @Override public Logger logger() { return LogManager.getLogger(config.name()); }
    @Override public String routingKey() { return null; }
    @Override public String eventRoutingKey() { return null; }
    @Override public String eventsExchange() { return "canopsis.events"; }
    @Override public String alertsExchange() { return "canopsis.alerts"; }
    @Override public void publish(ObjectNode event) { publish(event, eventsExchange(), RoutingKeys.of(event)); }
    @Override public void publish(ObjectNode event, String exchange, String routingKey) {
        published.add(new Published(event.deepCopy(), exchange, routingKey));
    }
}
