package dev.orchestrator.runtime;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code queue_type=quorum}: on RabbitMQ the engine's queue and error queue are quorum queues, and an event
 * redelivered more than {@code max_retries} times lands in the error queue through RabbitMQ's own dead-lettering;
 * on the embedded broker the queues stay classic; a classic queue in the way is one line with the fix.
 */
class QuorumQueueTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    private static Connection connect(BrokerKind kind) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BROKERS.uri(kind));
        return factory.newConnection("quorum-test");
    }

    private static Topology topology(EngineConfig engine) {
        return new Topology(engine, List.of(), AmqpSettings.EMBEDDED);
    }

    @Test
    void anEventRedeliveredMoreThanMaxRetriesTimesGoesToTheErrorQueue() throws Exception {
        EngineConfig q = engine("q1").quorum().maxRetries(2).build();
        try (Connection connection = connect(BrokerKind.RABBITMQ)) {
            Channel channel = connection.createChannel();
            topology(q).declare(channel);
            channel.basicPublish("", q.queue(), null, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
            AtomicInteger deliveries = new AtomicInteger();
            GetResponse dead = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
                GetResponse got = channel.basicGet(q.queue(), false);
                if (got != null) {
                    deliveries.incrementAndGet();
                    channel.basicNack(got.getEnvelope().getDeliveryTag(), false, true);
                }
                return channel.basicGet(q.queue() + ".errors", true);
            }, Objects::nonNull);
            assertEquals(3, deliveries.get(), "delivered once, redelivered max_retries times");
            assertEquals("{\"id\":1}", new String(dead.getBody(), StandardCharsets.UTF_8));
            assertTrue(dead.getProps().getHeaders().get("x-death").toString().contains("delivery_limit"),
                    () -> dead.getProps().getHeaders().toString());
            IOException classic = assertThrows(IOException.class,
                    () -> connection.createChannel().queueDeclare(q.queue() + ".errors", true, false, false, null));
            assertTrue(classic.getCause().getMessage().contains("x-queue-type"), "the error queue is quorum too");
        }
    }

    @Test
    void aClassicQueueInTheWayIsNamedWithTheFix() throws Exception {
        EngineConfig q = engine("q2").quorum().build();
        try (Connection connection = connect(BrokerKind.RABBITMQ)) {
            connection.createChannel().queueDeclare(q.queue(), true, false, false, null);
            IOException e = assertThrows(IOException.class, () -> topology(q).declare(connection.createChannel()));
            assertTrue(e.getMessage().startsWith("queue Engine_q2 exists with other arguments than {x-queue-type=quorum,"
                    + " x-delivery-limit=5, "), e.getMessage());
            assertTrue(e.getMessage().endsWith("a queue's type cannot change: drain it, delete it (rabbitmqctl"
                    + " delete_queue Engine_q2 -p VHOST) and start again, or set queue_type back"), e.getMessage());
        }
    }

    @Test
    void theEmbeddedBrokerKeepsClassicQueues() throws Exception {
        EngineConfig q = engine("q3").quorum().build();
        try (Connection connection = connect(BrokerKind.EMBEDDED)) {
            Channel channel = connection.createChannel();
            topology(q).declare(channel);
            channel.queueDeclare(q.queue(), true, false, false, null);
            assertNull(Topology.arguments(q, false));
        }
    }
}
