package dev.orchestrator.feed;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.orchestrator.api.RoutingKeys;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeederTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCHANGE = "canopsis.events";

    @TempDir
    Path dir;

    private static Connection connect(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        return factory.newConnection("feeder-test");
    }

    /** A connection with the exchange and a queue bound to it with {@code #}, as cleaner_events has. */
    private static Connection consumerSide(String uri, String queue) throws Exception {
        Connection connection = connect(uri);
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true, false, null);
        channel.queueDeclare(queue, true, false, false, null);
        channel.queuePurge(queue);
        channel.queueBind(queue, EXCHANGE, "#");
        channel.close();
        return connection;
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void samplesArriveConfirmedPersistentUnderTheirCanopsisRoutingKey(BrokerKind kind) throws Exception {
        try (Connection consumer = consumerSide(BROKERS.uri(kind), "feed-samples");
             Connection publishing = connect(BROKERS.uri(kind));
             EventPublisher publisher = new EventPublisher(publishing, EXCHANGE, 50)) {
            Feeder.Summary summary = new Feeder(publisher, 0).feed(EventSource.of(new SampleEvents(7), 500), null);

            assertEquals(500, summary.published());
            assertEquals(500, summary.confirmed());
            assertTrue(summary.complete(), summary.toString());
            Channel channel = consumer.createChannel();
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount("feed-samples") == 500);
            Set<String> eventTypes = new HashSet<>();
            Set<String> connectors = new HashSet<>();
            int withPerfData = 0;
            for (int i = 0; i < 500; i++) {
                GetResponse message = channel.basicGet("feed-samples", true);
                ObjectNode event = (ObjectNode) JSON.readTree(message.getBody());
                assertEquals(RoutingKeys.of(event), message.getEnvelope().getRoutingKey());
                assertEquals(2, message.getProps().getDeliveryMode());
                assertEquals("application/json", message.getProps().getContentType());
                eventTypes.add(event.get("event_type").asText());
                connectors.add(event.get("connector").asText());
                if (event.has("perf_data")) withPerfData++;
            }
            assertEquals(Set.of("check", "log", "perf"), eventTypes);
            assertTrue(connectors.containsAll(List.of("nagios", "shinken", "syslog", "collectd", "debug")), connectors.toString());
            assertTrue(withPerfData > 100, "checks carry Nagios perf_data: " + withPerfData);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void eventsNoQueueTakesAreCountedAsReturned(BrokerKind kind) throws Exception {
        try (Connection publishing = connect(BROKERS.uri(kind));
             EventPublisher publisher = new EventPublisher(publishing, "feed-nowhere", 10)) {
            Feeder.Summary summary = new Feeder(publisher, 0).feed(EventSource.of(new SampleEvents(1), 20), null);
            // RabbitMQ returns then acks an unroutable mandatory message, Qpid returns then nacks it
            assertEquals(20, summary.confirmed() + summary.nacked(), summary.toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> publisher.returned() == 20);
            assertFalse(new Feeder.Summary(20, 20, 0, 20, 0, Duration.ofSeconds(1)).complete());
            assertTrue(new Feeder.Summary(20, 20, 0, 20, 0, Duration.ofSeconds(1)).toString()
                    .endsWith("20 unroutable (no queue bound: is the daemon running?)"));
        }
    }

    @Test
    void fileLinesArePublishedAndBadLinesReportedWithTheirNumber() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, """
                {"connector": "nagios", "connector_name": "n1", "event_type": "check", "source_type": "component", "component": "h1", "state": 2}
                not json

                [1, 2]
                {"connector": "nagios", "event_type": "check"}
                {"connector": "syslog", "connector_name": "s1", "event_type": "log", "source_type": "resource", "component": "h2", "resource": "sshd", "output": "x"}
                """);
        List<String> reports = new ArrayList<>();
        try (Connection consumer = consumerSide(BROKERS.uri(BrokerKind.EMBEDDED), "feed-file");
             Connection publishing = connect(BROKERS.uri(BrokerKind.EMBEDDED));
             EventPublisher publisher = new EventPublisher(publishing, EXCHANGE, 10);
             EventFile events = new EventFile(file, reports::add)) {
            Feeder.Summary summary = new Feeder(publisher, 0).feed(events, null);

            assertEquals(2, summary.published());
            assertEquals(2, summary.confirmed());
            assertEquals(3, summary.skipped());
            assertEquals(List.of(
                    file + ":2: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'), skipped",
                    file + ":4: not a JSON object, skipped",
                    file + ":5: event has no 'connector_name' to build its routing key from, skipped"), reports);
            Channel channel = consumer.createChannel();
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount("feed-file") == 2);
            assertEquals("nagios.n1.check.component.h1", channel.basicGet("feed-file", true).getEnvelope().getRoutingKey());
            assertEquals("syslog.s1.log.resource.h2.sshd", channel.basicGet("feed-file", true).getEnvelope().getRoutingKey());
        }
    }

    @Test
    void rateLimitsThePace() throws Exception {
        try (Connection ignored = consumerSide(BROKERS.uri(BrokerKind.EMBEDDED), "feed-rate");
             Connection publishing = connect(BROKERS.uri(BrokerKind.EMBEDDED));
             EventPublisher publisher = new EventPublisher(publishing, EXCHANGE, 100)) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Progress progress = new Progress(new PrintStream(screen, true, StandardCharsets.UTF_8), 60);
            Feeder.Summary summary = new Feeder(publisher, 200).feed(EventSource.of(new SampleEvents(3), 60), progress);
            // 60 events at 200/s: the last one leaves at 295 ms at the earliest
            assertTrue(summary.elapsed().toMillis() >= 290, summary.toString());
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("] 100%  60/60  "), screen.toString(StandardCharsets.UTF_8));
        }
    }
}
