package dev.orchestrator.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Passive declares on the real RabbitMQ, answered from a cache whose age a test clock drives. */
class QueueProbeTest {

    @Test
    void depthsAreCachedForAMomentThenDeclaredAgainAndAMissingQueueSaysSo() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        try (TestBroker broker = TestBrokers.rabbitVhost();
             BrokerConnector connector = new BrokerConnector(broker.uri());
             QueueProbe probe = new QueueProbe(connector, clock::get)) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(broker.uri());
            try (Connection connection = factory.newConnection("probe-test");
                 Channel channel = connection.createChannel()) {
                channel.queueDeclare("q1", true, false, false, null);
                List<String> queues = List.of("missing", "q1");
                Map<String, QueueDepth> first = probe.depths(queues);
                assertEquals("no such queue", first.get("missing").problem());
                assertNull(first.get("missing").messages());
                assertEquals(QueueDepth.of("q1", 0, 0), first.get("q1"), "the queue after a missing one");

                channel.basicPublish("", "q1", null, "x".getBytes());
                channel.basicConsume("q1", false, (tag, d) -> { }, tag -> { });
                clock.addAndGet(QueueProbe.MAX_AGE_NANOS - 1);
                assertEquals(0L, probe.depths(queues).get("q1").messages(), "still the cached answer");
                clock.addAndGet(1);
                QueueDepth fresh = probe.depths(queues).get("q1");
                assertEquals(1L, fresh.consumers(), "declared again: " + fresh);
                assertEquals(List.of("q1"), List.copyOf(probe.depths(List.of("q1")).keySet()));
            }
        }
    }

    @Test
    void anUnreachableBrokerIsOneReasonForEveryQueueAndNoException() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (BrokerConnector connector = new BrokerConnector("amqp://guest:guest@127.0.0.1:" + port + "/");
             QueueProbe probe = new QueueProbe(connector, System::nanoTime)) {
            Map<String, QueueDepth> depths = probe.depths(List.of("a", "b"));
            assertTrue(depths.get("a").problem().startsWith("broker unreachable: "), depths.get("a").problem());
            assertEquals(depths.get("a").problem(), depths.get("b").problem());
        }
    }
}
