package dev.orchestrator.engines.chain;

import static dev.orchestrator.engines.chain.ChainFixture.event;
import static dev.orchestrator.engines.chain.ChainFixture.json;
import static dev.orchestrator.engines.chain.ChainFixture.lines;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.feed.EventPublisher;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped chain end to end through the daemon: cleaner_events -> event_filter (the shipped rules) -> tag ->
 * perfdata -> eventstore, on the embedded broker and on RabbitMQ (a fresh vhost).
 */
class ChainTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @TempDir
    Path home;

    private static final List<ObjectNode> EVENTS = List.of(
            // dropped by the rule drop-debug-probes
            event("""
                {"connector": "debug", "connector_name": "debug-probe", "event_type": "check", "source_type": "resource",
                 "component": "web-01", "resource": "probe", "state": 0}"""),
            // cleaned (tags string, state_type and status defaults), tagged, perf_data parsed, cps_state
            event("""
                {"connector": "nagios", "connector_name": "nagios-test", "event_type": "check", "source_type": "resource",
                 "component": "web-01", "resource": "Disk /", "state": 1, "tags": "ops", "output": "DISK WARNING",
                 "perf_data": "/=5950MB;5948;5958;0;5968"}"""),
            // overridden by the rule database-tier
            event("""
                {"connector": "nagios", "connector_name": "nagios-test", "event_type": "check", "source_type": "component",
                 "component": "db-01", "state": 2, "state_type": 1, "output": "PING CRITICAL"}"""),
            // an OK check: stored, not republished to canopsis.alerts (eventstore.py store_check, archiver check_event)
            event("""
                {"connector": "nagios", "connector_name": "nagios-test", "event_type": "check", "source_type": "component",
                 "component": "web-03", "state": 0, "output": "PING OK"}"""),
            // a log: stored, no cps_state
            event("""
                {"connector": "syslog", "connector_name": "rsyslog-01", "event_type": "log", "source_type": "component",
                 "component": "web-02", "output": "sshd: Accepted publickey for deploy"}"""),
            // routed to perfdata by metrics-straight-to-perfdata, never stored
            event("""
                {"connector": "collectd", "connector_name": "collectd2event", "event_type": "perf", "source_type": "resource",
                 "component": "db-01", "resource": "interface-eth0",
                 "perf_data_array": [{"metric": "if_octets_rx", "value": 10, "type": "DERIVE", "unit": null}]}"""));

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void eventsComeOutCleanedFilteredTaggedAndEnrichedIntoTheEventstore(BrokerKind kind) throws Exception {
        String uri = BROKERS.uri(kind);
        Path main = ChainFixture.copyShippedEtc(home);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Daemon daemon = ChainFixture.start(main, home, uri);
             Connection connection = factory.newConnection("chain-test")) {
            Channel alerts = connection.createChannel();
            alerts.exchangeDeclare("canopsis.alerts", BuiltinExchangeType.TOPIC, true, false, null);
            String alertQueue = alerts.queueDeclare().getQueue();
            alerts.queueBind(alertQueue, "canopsis.alerts", "#");

            try (EventPublisher publisher = new EventPublisher(connection, "canopsis.events", 10)) {
                for (ObjectNode event : EVENTS) publisher.publish(event.deepCopy());
                assertTrue(publisher.awaitConfirms(Duration.ofSeconds(10)));
                assertEquals(0, publisher.returned(), "cleaner_events' queue takes every event");
            }

            Path store = home.resolve("logs/eventstore.jsonl");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(store).size() >= 4);
            Map<String, ObjectNode> stored = lines(store).stream()
                    .collect(Collectors.toMap(e -> e.get("component").asText(), Function.identity()));
            assertEquals(4, stored.size(), stored.toString());
            assertFalse(stored.get("web-03").has("event_id"), "an OK check is stored, not an alert");
            assertEquals("nagios.nagios-test.check.component.web-03", stored.get("web-03").get("_id").asText());
            assertFalse(stored.containsKey("debug"), "the debug probe was dropped");

            ObjectNode disk = stored.get("web-01");
            assertEquals("nagios.nagios-test.check.resource.web-01.Disk /", disk.get("rk").asText());
            assertEquals(disk.get("rk"), disk.get("event_id"));
            assertEquals(disk.get("rk"), disk.get("_id"));
            assertEquals(List.of("ops", "nagios-test", "check", "resource", "web-01", "Disk /"), texts(disk.get("tags")));
            assertEquals(1, disk.get("state_type").asInt());
            assertEquals(1, disk.get("status").asInt());
            // parsed by the cleaner, then again by perfdata: the original kept both (perfdata/process.py)
            assertEquals(json("""
                    [{"metric": "/", "value": 5950.0, "unit": "MB", "warn": 5948.0, "crit": 5958.0, "min": 0.0, "max": 5968.0},
                     {"metric": "/", "value": 5950.0, "unit": "MB", "warn": 5948.0, "crit": 5958.0, "min": 0.0, "max": 5968.0},
                     {"metric": "cps_state", "value": 110}]"""), disk.get("perf_data_array"));
            assertFalse(disk.has("tier"));

            ObjectNode db = stored.get("db-01");
            assertEquals("database", db.get("tier").asText());
            assertEquals(List.of("dba-team", "nagios-test", "check", "component", "db-01"), texts(db.get("tags")));
            assertEquals(json("[{\"metric\": \"cps_state\", \"value\": 210}]"), db.get("perf_data_array"));

            ObjectNode log = stored.get("web-02");
            assertEquals("log", log.get("event_type").asText());
            assertEquals(List.of("rsyslog-01", "log", "component", "web-02"), texts(log.get("tags")));
            assertEquals(0, log.get("perf_data_array").size());

            List<String> alertKeys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                GetResponse message = alerts.basicGet(alertQueue, true);
                if (message != null) {
                    JsonNode body = ChainFixture.JSON.readTree(message.getBody());
                    assertEquals(message.getEnvelope().getRoutingKey(), body.get("event_id").asText());
                    alertKeys.add(message.getEnvelope().getRoutingKey());
                }
                return alertKeys.size() == 3;
            });
            assertEquals(List.of("nagios.nagios-test.check.resource.web-01.Disk /", "nagios.nagios-test.check.component.db-01",
                    "syslog.rsyslog-01.log.component.web-02"), alertKeys);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
