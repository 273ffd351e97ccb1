package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The worker number ({@code -w}). */
    int worker();

    /** Every key of the engine section that is not a typed key, as written. */
    Map<String, String> params();

    /** The same parameters read as types (ints, booleans, durations, lists) with defaults. */
    Parameters parameters();

    /** The task named by the section's {@code event_processing}; null when unset (the dynamic engine's identity). */
    String eventProcessing();

    /** The task named by the section's {@code beat_processing}; null when unset (the dynamic engine's no-op). */
    String beatProcessing();

    /** The engine's own queue, {@code Engine_<name>} (Canopsis' {@code amqp_queue}). */
    String queue();

    /** Seconds between two beats ({@code beat_interval}); 0: no beat. */
    int beatInterval();

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

    /**
     * The routing key the event in hand was delivered with; null during a beat. Past the first engine of a chain
     * this is the queue name ({@code Engine_<name>}); the event's own key is {@link #eventRoutingKey()}.
     */
    String routingKey();

    /**
     * The Canopsis routing key of the event in hand ({@link RoutingKeys#of} of the event as it is when called); null
     * during a beat, before the body is decoded, or when the event lacks a field the key is made of.
     */
    String eventRoutingKey();

    /** The events exchange ({@code canopsis.events}) and the alerts exchange ({@code canopsis.alerts}). */
    String eventsExchange();

    String alertsExchange();

    /** Publishes to {@code canopsis.events} with the Canopsis routing key of the event. */
    void publish(ObjectNode event);

    /** Publishes a persistent JSON message to an exchange with a routing key. */
    void publish(ObjectNode event, String exchange, String routingKey);
}
