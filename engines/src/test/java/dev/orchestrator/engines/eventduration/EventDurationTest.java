package dev.orchestrator.engines.eventduration;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.RunningWorker;
import dev.orchestrator.testing.TestBrokers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** eventduration on the embedded broker: the ages of the events of a beat, published as Canopsis' perf event. */
class EventDurationTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    /** Binds {@code queue} to canopsis.events with {@code #}, as cleaner_events' queue is. */
    private static void bindToEvents(String uri, String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection connection = factory.newConnection("bind"); Channel channel = connection.createChannel()) {
            channel.queueBind(queue, "canopsis.events", "#");
        }
    }

    @Test
    void publishesMinMaxAndAverageAgeOnBeat() throws Exception {
        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        try (BrokerConnector connector = new BrokerConnector(uri); AmqpProbe probe = new AmqpProbe(uri).topic("canopsis.events")) {
            EngineWorkerFactory factory = new EngineWorkerFactory(Map.of("eventduration", engine("eventduration").beat(1).build()),
                    new AmqpSettings(uri, "canopsis"), TaskRegistries.discover(null), connector);
            List<AmqpProbe.Message> stats = probe.collect("stats");
            bindToEvents(uri, "stats");
            try (RunningWorker worker = RunningWorker.start(factory.create(
                    new LaunchSpec("eventduration", "eventduration", 0, "INFO"), null), "duration")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.consumers("Engine_eventduration") == 1);
                double now = System.currentTimeMillis() / 1000.0;
                ObjectNode stamped = JsonNodeFactory.instance.objectNode();
                stamped.putObject("processing").put("cleaner", now - 20).put("tag", now - 19);
                probe.publish("amq.direct", "Engine_eventduration", stamped);
                probe.publish("amq.direct", "Engine_eventduration", JsonNodeFactory.instance.objectNode().put("timestamp", (long) now - 10));
                probe.confirmed();
                await().atMost(Duration.ofSeconds(20)).until(() -> !stats.isEmpty());
                ObjectNode perf = stats.get(0).json();
                assertEquals("Engine.eventduration.perf.component.__canopsis__", stats.get(0).routingKey());
                JsonNode metrics = perf.get("perf_data_array");
                assertEquals("cps_evt_duration_min", metrics.get(0).get("metric").asText());
                double min = metrics.get(0).get("value").asDouble();
                double max = metrics.get(1).get("value").asDouble();
                double avg = metrics.get(2).get("value").asDouble();
                assertTrue(min >= 10 && min < 15, "min " + min);
                assertTrue(max >= 20 && max < 25, "max " + max);
                assertEquals((min + max) / 2, avg, 1e-6);
                assertEquals("s", metrics.get(2).get("unit").asText());
            }
        }
    }
}
