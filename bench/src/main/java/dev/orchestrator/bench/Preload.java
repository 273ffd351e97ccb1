package dev.orchestrator.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.orchestrator.feed.EventPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A queue filled before its consumer starts: {@code count} {@link EventBodies} published into
 * {@link ConfigTree#EVENTS_EXCHANGE} with the feeder's {@link EventPublisher} (persistent, confirmed), into an engine
 * queue declared and bound as the runtime and the Canopsis engines declare it (durable, no arguments) and emptied
 * first. It is complete when every event was confirmed, none nacked or returned, and the queue holds exactly
 * {@code count}.
 */
final class Preload {

    private static final Duration CONFIRMS = Duration.ofSeconds(60);

    private Preload() { }

    /** What a preload did: published, confirmed, nacked and returned events, and the queue's depth afterwards. */
    record Filled(long published, long confirmed, long nacked, long returned, long depth) {

        /** Null when {@code expected} events are all in the queue, else what went wrong. */
        String problem(long expected) {
            if (published != expected || confirmed != expected || nacked > 0 || returned > 0) {
                return "preloading " + expected + " events: " + published + " published, " + confirmed + " confirmed, "
                        + nacked + " nacked, " + returned + " returned";
            }
            return depth == expected ? null : "preloaded " + expected + " events but the queue holds " + depth;
        }
    }

    /** Fills {@code queue} (bound to the events exchange with {@link ConfigTree#ROUTING_KEY}) with {@code count} events. */
    static Filled fill(VirtualHost broker, String queue, long count, int messageBytes)
            throws IOException, InterruptedException {
        try (Connection connection = broker.connect("bench-preload")) {
            try (Channel channel = connection.createChannel()) {
                channel.exchangeDeclare(ConfigTree.EVENTS_EXCHANGE, BuiltinExchangeType.TOPIC, true, false, null);
                channel.queueDeclare(queue, true, false, false, null);
                channel.queueBind(queue, ConfigTree.EVENTS_EXCHANGE, ConfigTree.ROUTING_KEY);
                channel.queuePurge(queue);
                EventBodies bodies = new EventBodies(messageBytes);
                try (EventPublisher publisher = new EventPublisher(connection, ConfigTree.EVENTS_EXCHANGE,
                        EventPublisher.DEFAULT_WINDOW)) {
                    for (long i = 0; i < count; i++) publisher.publish(ConfigTree.ROUTING_KEY, bodies.next(System.nanoTime()));
                    publisher.awaitConfirms(CONFIRMS);
                    return new Filled(publisher.published(), publisher.confirmed(), publisher.nacked(),
                            publisher.returned(), channel.queueDeclarePassive(queue).getMessageCount());
                }
            } catch (TimeoutException e) {
                throw new IOException("closing the preload's channel timed out", e);
            }
        }
    }
}
