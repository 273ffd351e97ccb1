package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.EngineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;

/**
 * What a task knows of the engine worker running it. Publishing goes through the worker's own channel and
 * counts as an output of the event in hand: that event is acked only once every output is confirmed.
 */
public interface EngineContext {

    /** The engine's name ({@code -n}), e.g. {@code cleaner_events}. */
    String name();

    /** The engine's section of amqp2engines.conf (or its defaults). */
    EngineConfig config();

    /** The worker number ({@code -w}). */
    int worker();

    /** Every key of the engine section that is not a typed key. */
    Map<String, String> params();

    /** The engine names in {@code next}. */
    List<String> next();

    /**
     * The configuration directory (where amqp2engines.conf is): relative file names in {@link #params()}, such as
     * event_filter's {@code rules_file}, resolve against it. The working directory when there is no such file.
     */
    default Path configDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** The engine's logger: its lines land in the program's log file. */
    Logger logger();

    /** The routing key the event in hand was delivered with; null during a beat. */
    String routingKey();

    /** The events exchange ({@code canopsis.events}) and the alerts exchange ({@code canopsis.alerts}). */
    String eventsExchange();

    String alertsExchange();

    /** Publishes to {@code canopsis.events} with the Canopsis routing key of the event. */
    void publish(ObjectNode event);

    /** Publishes a persistent JSON message to an exchange with a routing key. */
    void publish(ObjectNode event, String exchange, String routingKey);
}
