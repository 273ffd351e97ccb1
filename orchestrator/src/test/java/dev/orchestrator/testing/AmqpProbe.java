package dev.orchestrator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * A test's own AMQP client: publishes with confirms, counts and collects queues. Its connection is separate from the
 * workers', and not recovered: after {@link TestBroker#closeAllConnections()} open a new probe.
 */
public final class AmqpProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();

    /** A message as a consumer saw it. */
    public record Message(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        public String text() { return new String(body, StandardCharsets.UTF_8); }

        public ObjectNode json() {
            try {
                return (ObjectNode) JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Map<String, Object> headers() { return properties.getHeaders() == null ? Map.of() : properties.getHeaders(); }

        public String header(String name) {
            Object value = headers().get(name);
            return value == null ? null : value.toString();
        }
    }

    private final Connection connection;
    private final Channel channel;

    public AmqpProbe(String uri) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            factory.setAutomaticRecoveryEnabled(false);
            connection = factory.newConnection("test-probe");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (Exception e) {
            throw new IllegalStateException("probe cannot connect to " + uri + ": " + e, e);
        }
    }

    /** Declares a durable topic exchange (Canopsis' kind) so that publishing to it works before any worker runs. */
    public AmqpProbe topic(String exchange) throws IOException {
        channel.exchangeDeclare(exchange, "topic", true);
        return this;
    }

    /** Declares a durable queue bound to amq.direct with its own name (what a worker declares for next engines). */
    public AmqpProbe queue(String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, "amq.direct", queue);
        return this;
    }

    /** Deletes the queue and its messages, as an operator's {@code rabbitmqctl delete_queue} does. */
    public void delete(String queue) throws IOException {
        channel.queueDelete(queue);
    }

    public void publish(String exchange, String routingKey, byte[] body) throws IOException {
        channel.basicPublish(exchange, routingKey, PERSISTENT_JSON, body);
    }

    public void publish(String exchange, String routingKey, ObjectNode event) throws IOException {
        publish(exchange, routingKey, JSON.writeValueAsBytes(event));
    }

    /** Waits until the broker has confirmed everything published so far. */
    public void confirmed() throws IOException, InterruptedException, TimeoutException {
        channel.waitForConfirmsOrDie(30_000);
    }

    /** Messages ready in the queue (not counting those delivered and unacked); -1 when there is no such queue. */
    public long ready(String queue) throws IOException {
        AMQP.Queue.DeclareOk ok = inspect(queue);
        return ok == null ? -1 : ok.getMessageCount();
    }

    /** Consumers of the queue; -1 when there is no such queue. */
    public long consumers(String queue) throws IOException {
        AMQP.Queue.DeclareOk ok = inspect(queue);
        return ok == null ? -1 : ok.getConsumerCount();
    }

    /** A passive declare on a channel of its own, since a missing queue closes the channel. */
    private AMQP.Queue.DeclareOk inspect(String queue) throws IOException {
        Channel inspector = connection.createChannel();
        try {
            AMQP.Queue.DeclareOk ok = inspector.queueDeclarePassive(queue);
            inspector.abort();
            return ok;
        } catch (IOException e) {
            if (e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Declares the queue as {@link #queue} does, then consumes it (auto-ack) into a live list. */
    public List<Message> collect(String queue) throws IOException {
        queue(queue);
        return consume(queue);
    }

    /** Declares a durable queue bound to a topic exchange (declared too) with a binding key, then consumes it. */
    public List<Message> collect(String queue, String topicExchange, String bindingKey) throws IOException {
        topic(topicExchange);
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, topicExchange, bindingKey);
        return consume(queue);
    }

    private List<Message> consume(String queue) throws IOException {
        List<Message> messages = new CopyOnWriteArrayList<>();
        Channel consumer = connection.createChannel();
        consumer.basicConsume(queue, true, new DefaultConsumer(consumer) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                messages.add(new Message(envelope.getExchange(), envelope.getRoutingKey(), properties, body));
            }
        });
        return messages;
    }

    @Override
    public void close() {
        connection.abort(2_000);
    }
}
