package dev.orchestrator.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.api.RoutingKeys;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes events to a topic exchange ({@code canopsis.events}) as a Canopsis connector does: persistent JSON under
 * the event's Canopsis routing key, with publisher confirms handled asynchronously over a bounded window of
 * unconfirmed messages (publishing blocks only when the window is full). Messages are mandatory, so an event that no
 * queue takes (no engine running) is counted as returned instead of vanishing. One instance, one channel, one
 * publishing thread (the connection may be shared); the confirm callbacks run on the connection's thread and never block.
 */
public final class EventPublisher implements AutoCloseable {

    /** Unconfirmed messages allowed in flight when none is given. */
    public static final int DEFAULT_WINDOW = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AMQP.BasicProperties PROPERTIES = MessageProperties.PERSISTENT_BASIC.builder()
            .contentType("application/json").build();

    private final Channel channel;
    private final String exchange;
    private final Semaphore window;
    private final ConcurrentNavigableMap<Long, Boolean> unconfirmed = new ConcurrentSkipListMap<>();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong nacked = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final Object drained = new Object();
    private long published;

    /**
     * Opens a channel on {@code connection} (which stays the caller's) and declares {@code exchange} as Canopsis does
     * (topic, durable), so that publishing works before the daemon ever ran. An {@link IOException} says why not.
     */
    public EventPublisher(Connection connection, String exchange, int window) throws IOException {
        if (window < 1) throw new IllegalArgumentException("the confirm window must be at least 1, not " + window);
        this.exchange = exchange;
        this.window = new Semaphore(window);
        try {
            channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, null);
            channel.confirmSelect();
            channel.addConfirmListener((tag, multiple) -> settle(tag, multiple, confirmed), (tag, multiple) -> settle(tag, multiple, nacked));
            channel.addReturnListener(message -> returned.incrementAndGet());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot publish to exchange '" + exchange + "': " + BrokerConnector.reason(e));
        }
    }

    private void settle(long tag, boolean multiple, AtomicLong counter) {
        int settled;
        if (multiple) {
            ConcurrentNavigableMap<Long, Boolean> done = unconfirmed.headMap(tag, true);
            settled = done.size();
            done.clear();
        } else {
            settled = unconfirmed.remove(tag) != null ? 1 : 0;
        }
        counter.addAndGet(settled);
        window.release(settled);
        if (unconfirmed.isEmpty()) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Publishes an event under its Canopsis routing key; an {@link IllegalArgumentException} if it has none. */
    public void publish(ObjectNode event) throws IOException, InterruptedException {
        String routingKey = RoutingKeys.of(event);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + e.getOriginalMessage());
        }
        publish(routingKey, body);
    }

    /** Publishes a ready JSON body, waiting while the confirm window is full. */
    public void publish(String routingKey, byte[] body) throws IOException, InterruptedException {
        while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) ensureOpen();
        long tag = channel.getNextPublishSeqNo();
        unconfirmed.put(tag, Boolean.TRUE);
        try {
            channel.basicPublish(exchange, routingKey, true, PROPERTIES, body);
        } catch (IOException | RuntimeException e) {
            unconfirmed.remove(tag);
            window.release();
            throw e;
        }
        published++;
    }

    private void ensureOpen() throws IOException {
        if (!channel.isOpen()) throw new IOException("the broker closed the channel: " + channel.getCloseReason().getMessage());
    }

    /** Waits until every published message is confirmed or nacked; false when {@code timeout} passed first. */
    public boolean awaitConfirms(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drained) {
            while (!unconfirmed.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !channel.isOpen()) return false;
                drained.wait(Math.min(left, 100));
            }
        }
        return true;
    }

    public long published() { return published; }

    public long confirmed() { return confirmed.get(); }

    public long nacked() { return nacked.get(); }

    /** Mandatory messages the broker returned because no queue is bound for their routing key. */
    public long returned() { return returned.get(); }

    public String exchange() { return exchange; }

    /** Closes the channel (unconfirmed messages stay unconfirmed: call {@link #awaitConfirms} first). */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) channel.close();
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // closing: the broker may already be gone, nothing is left to do
        }
    }
}
