package dev.orchestrator.chaos.stream;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.orchestrator.broker.BrokerAddresses;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Rabbit;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.runtime.ErrorQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what comes out of the chain: every message of the sink queue (the last engine's {@code next}) and of the
 * engines' error queues, by the {@code chaos_id} in its body (found in broken JSON too). Its own connection
 * recovers by itself (broker restarts) and is named {@value Rabbit#HARNESS_PREFIX}tally so that broker faults
 * spare it.
 */
public final class Tally implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"chaos_id\"\\s*:\\s*(\\d+)");

    private final Connection connection;
    private final boolean quorum;
    private final Map<Long, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Map<Long, String> errors = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong errorDeliveries = new AtomicLong();
    private volatile long lastArrival = System.nanoTime();

    public Tally(String uri, Installation installation) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        List<Address> nodes = BrokerAddresses.configure(uri, factory).addresses();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(500);
        connection = factory.newConnection(nodes, Rabbit.HARNESS_PREFIX + "tally");
        quorum = installation.isQuorum();
        consume(EngineConfig.queueOf(Installation.SINK), false);
        for (String q : installation.errorQueues()) consume(q, true);
    }

    private void consume(String queue, boolean errorQueue) throws IOException {
        Channel channel = connection.createChannel();
        if (quorum) {
            channel.queueDeclarePassive(queue); // the daemon declared it, with the arguments of its queue type
        } else {
            channel.queueDeclare(queue, true, false, false, null);
        }
        if (!errorQueue) channel.queueBind(queue, "amq.direct", queue);
        channel.basicQos(2000);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                record(body, properties, errorQueue);
                if (envelope.getDeliveryTag() % 100 == 0 && getChannel().isOpen()) {
                    try {
                        getChannel().basicAck(envelope.getDeliveryTag(), true);
                    } catch (AlreadyClosedException e) {
                        // closed by a broker fault meanwhile: the broker redelivers, the duplicates are counted
                    }
                }
            }
        });
        // the remainder of a batch is acked by the next message; at close, unacked ones do not matter
    }

    private void record(byte[] body, AMQP.BasicProperties properties, boolean errorQueue) {
        lastArrival = System.nanoTime();
        Matcher m = ID.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1));
        if (!m.find()) return; // not one of ours: the engines' own cps_* self-stat events
        long id = Long.parseLong(m.group(1));
        if (errorQueue) {
            errorDeliveries.incrementAndGet();
            Object reason = properties.getHeaders() == null ? null : properties.getHeaders().get(ErrorQueue.REASON);
            errors.put(id, reason == null ? "" : reason.toString());
        } else {
            deliveries.incrementAndGet();
            delivered.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    public boolean accounted(long id) {
        return delivered.containsKey(id) || errors.containsKey(id);
    }

    public boolean isDelivered(long id) { return delivered.containsKey(id); }

    public int distinctDelivered() { return delivered.size(); }

    /** Deliveries beyond the first of each id, error queues included. */
    public long duplicates() {
        return deliveries.get() - delivered.size() + errorDeliveries.get() - errors.size();
    }

    /** Error-queued ids with the reason header of their last arrival. */
    public Map<Long, String> errors() { return errors; }

    /** Nanos ({@link System#nanoTime()}) of the last message seen. */
    public long lastArrival() { return lastArrival; }

    @Override
    public void close() {
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            // already closed by a broker fault
        }
    }
}
