package dev.orchestrator.engines.collectdgw;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.RunningWorker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * collectdgw as Canopsis ran it (engines/collectdgw.py): an empty section, its queue bound to amq.topic with
 * 'collectd' (new_amqp_queue), PUTVAL text lines in, perf events out to canopsis.events; the worker declares the
 * exchanges the original's Amqp declared (canopsis, .events, .alerts, .incidents).
 */
class CollectdGatewayEngineTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @Test
    void putvalLinesOnAmqTopicBecomePerfEventsOnCanopsisEvents() throws Exception {
        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        EngineConfig section = engine("collectdgw").build();
        try (BrokerConnector connector = new BrokerConnector(uri); AmqpProbe probe = new AmqpProbe(uri)) {
            EngineWorkerFactory factory = new EngineWorkerFactory(Map.of("collectdgw", section),
                    new AmqpSettings(uri, "canopsis"), TaskRegistries.discover(null), connector);
            List<AmqpProbe.Message> perf = probe.collect("perf-events", "canopsis.events", "collectd.#");
            try (RunningWorker worker = RunningWorker.start(factory.create(
                    new LaunchSpec("collectdgw", "collectdgw", 0, "INFO"), null), "collectdgw")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.consumers("Engine_collectdgw") == 1);
                probe.publish("amq.topic", "collectd",
                        "PUTVAL web-01/load/load interval=10.000 1500000000:0.5:0.4:0.3".getBytes(StandardCharsets.UTF_8));
                probe.confirmed();
                await().atMost(Duration.ofSeconds(20)).until(() -> perf.size() == 1);
                assertEquals("collectd.collectd2event.perf.resource.web-01.load", perf.get(0).routingKey());
                ObjectNode event = perf.get(0).json();
                assertEquals(List.of("load-shortterm", "load-midterm", "load-longterm"),
                        event.get("perf_data_array").findValuesAsText("metric"));
                ConnectionFactory factoryOfProbe = new ConnectionFactory();
                factoryOfProbe.setUri(uri);
                try (Connection connection = factoryOfProbe.newConnection(); Channel channel = connection.createChannel()) {
                    for (String exchange : List.of("canopsis", "canopsis.events", "canopsis.alerts", "canopsis.incidents")) {
                        channel.exchangeDeclarePassive(exchange);
                    }
                }
            }
        }
    }
}
