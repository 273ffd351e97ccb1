package dev.orchestrator.pipeline;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Queue depths and consumer counts from passive declares, on one connection and one channel of the daemon's own
 * (opened at the first question, reopened after a failure), answered from a cache younger than {@link #MAX_AGE_NANOS}
 * so that dashboards, scrapes and CLI calls together cost the broker a few declares a second whatever their number.
 * A passive declare of a missing queue closes the channel (404); the next queue gets a new one. Also lends its
 * connection to the {@link ErrorQueues} for their own short-lived channels.
 */
public final class QueueProbe implements AutoCloseable {

    /** How long an answer is reused. */
    public static final long MAX_AGE_NANOS = 1_500_000_000L;

    private final BrokerConnector connector;
    private final LongSupplier clock;
    private Connection connection;
    private Channel channel;
    private Map<String, QueueDepth> cache = Map.of();
    private long sampledAt;
    private boolean closed;

    /** A probe on {@code connector}'s broker; {@code clock} gives nanoseconds (System::nanoTime). */
    public QueueProbe(BrokerConnector connector, LongSupplier clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** The depth of each of {@code queues}, in that order; never throws: an unknown depth says why. */
    public synchronized Map<String, QueueDepth> depths(Collection<String> queues) {
        long now = clock.getAsLong();
        boolean fresh = now - sampledAt < MAX_AGE_NANOS && cache.keySet().containsAll(queues);
        if (!fresh) {
            cache = declareAll(queues);
            sampledAt = now;
        }
        Map<String, QueueDepth> answer = new LinkedHashMap<>();
        for (String q : queues) answer.put(q, cache.get(q));
        return answer;
    }

    private Map<String, QueueDepth> declareAll(Collection<String> queues) {
        Map<String, QueueDepth> depths = new LinkedHashMap<>();
        for (String queue : queues) {
            try {
                channel();
            } catch (IOException | BrokerException e) {
                String reason = "broker unreachable: " + BrokerConnector.reason(e);
                for (String q : queues) depths.putIfAbsent(q, QueueDepth.unknown(q, reason));
                dropConnection();
                return depths;
            }
            try {
                AMQP.Queue.DeclareOk ok = channel().queueDeclarePassive(queue);
                depths.put(queue, QueueDepth.of(queue, ok.getMessageCount(), ok.getConsumerCount()));
            } catch (IOException | RuntimeException e) {
                String reason = BrokerConnector.reason(e);
                boolean missing = reason.contains("NOT_FOUND") || reason.contains("no queue");
                depths.put(queue, QueueDepth.unknown(queue, missing ? "no such queue" : reason));
                channel = null;
                if (!missing) dropConnection();
            }
        }
        return depths;
    }

    /** The probe's connection, opened when needed; for short operations of the daemon's own (error queues). */
    synchronized Connection connection() {
        if (closed) throw new BrokerException("the daemon is shutting down", null);
        if (connection == null || !connection.isOpen()) {
            connection = connector.connect("orchestrator queue probe");
            channel = null;
        }
        return connection;
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) channel = connection().createChannel();
        return channel;
    }

    private void dropConnection() {
        Connection c = connection;
        connection = null;
        channel = null;
        if (c != null) {
            try {
                c.abort(1_000);
            } catch (RuntimeException ignored) {
                // it is gone either way
            }
        }
    }

    /** Closes the connection; later questions are answered "shutting down". */
    @Override
    public synchronized void close() {
        closed = true;
        Connection c = connection;
        connection = null;
        if (c != null && c.isOpen()) {
            try {
                c.close(2_000);
            } catch (IOException | RuntimeException e) {
                dropConnection();
            }
        }
        cache = Map.of();
    }
}
