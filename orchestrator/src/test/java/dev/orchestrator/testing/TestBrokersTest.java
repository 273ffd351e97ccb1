package dev.orchestrator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestBrokersTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void givesAWorkingIsolatedBrokerAndClosesItsConnections(BrokerKind kind) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BROKERS.uri(kind));
        factory.setAutomaticRecoveryEnabled(false);
        Connection connection = factory.newConnection("probe");
        try {
            Channel channel = connection.createChannel();
            channel.queueDeclare("probe", false, false, true, null);
            channel.basicPublish("", "probe", null, "hello".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.messageCount("probe") == 1);
            assertEquals("hello", new String(channel.basicGet("probe", true).getBody(), StandardCharsets.UTF_8));
            BROKERS.get(kind).closeAllConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> !connection.isOpen());
        } finally {
            connection.abort();
        }
    }
}
