package dev.orchestrator.chaos.stream;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.broker.BrokerAddresses;
import dev.orchestrator.chaos.Rabbit;
import dev.orchestrator.feed.EventPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Publishes a stream with the feeder's {@link EventPublisher} (persistent, mandatory, confirms) in batches: an id
 * counts as published once its whole batch is confirmed, with nothing nacked or returned. A batch that fails (a
 * broker fault closed the channel, a confirm never came) is published again on a new connection: its ids may then
 * arrive twice, never zero times. Optionally paced to a steady rate.
 */
public final class Feed implements AutoCloseable {

    private static final int BATCH = 500;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    private static final long RECONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(180);

    private final ConnectionFactory factory = new ConnectionFactory();
    private final List<Address> nodes;
    private final Set<Long> published = ConcurrentHashMap.newKeySet();
    private Connection connection;
    private EventPublisher publisher;
    private volatile int retries;

    /** {@code uri}: one broker, or the comma-separated URIs of a cluster's nodes. */
    public Feed(String uri) {
        nodes = BrokerAddresses.configure(uri, factory).addresses();
        factory.setAutomaticRecoveryEnabled(false);
    }

    /**
     * Publishes the messages for ids {@code first .. first+count-1} (made by {@code messages}), at most
     * {@code perSecond} a second (0: as fast as confirms allow). Returns once every one is published.
     */
    public void publish(long first, long count, LongFunction<Events.Message> messages, double perSecond)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Events.Message> batch = new ArrayList<>(BATCH);
        for (long id = first; id < first + count; id++) {
            batch.add(messages.apply(id));
            if (batch.size() == BATCH || id == first + count - 1) {
                if (perSecond > 0) {
                    long due = start + (long) ((id - first + 1 - batch.size()) * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(batch);
                batch.clear();
            }
        }
    }

    private void send(List<Events.Message> batch) throws InterruptedException {
        long deadline = System.nanoTime() + RECONNECT_TIMEOUT_NANOS;
        while (true) {
            try {
                EventPublisher p = publisher();
                long nacked = p.nacked();
                long returned = p.returned();
                int size = batch.size();
                for (Events.Message m : batch) p.publish(m.routingKey(), m.body());
                if (p.awaitConfirms(CONFIRM_TIMEOUT) && p.nacked() == nacked && p.returned() == returned) {
                    for (Events.Message m : batch) published.add(m.id());
                    return;
                }
                if (size > 0) reset();
            } catch (IOException | RuntimeException e) {
                reset();
            }
            retries++;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot publish for " + TimeUnit.NANOSECONDS.toSeconds(RECONNECT_TIMEOUT_NANOS) + " s");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private EventPublisher publisher() throws IOException {
        if (publisher == null) {
            try {
                connection = factory.newConnection(nodes, Rabbit.HARNESS_PREFIX + "feeder");
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException(e);
            }
            publisher = new EventPublisher(connection, "canopsis.events", 2 * BATCH);
        }
        return publisher;
    }

    private void reset() {
        if (publisher != null) publisher.close();
        publisher = null;
        if (connection != null) {
            try {
                connection.abort(2_000);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        connection = null;
    }

    /** Ids confirmed so far (a live view). */
    public Set<Long> published() { return published; }

    /** Batches published again after a failure. */
    public int retries() { return retries; }

    @Override
    public void close() {
        reset();
    }
}
