package dev.orchestrator.engines.cleaner;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.api.TaskRegistry;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.RunningWorker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** cleaner_events as Canopsis ran it: found by discovery, fed by canopsis.events, normalising into the next queue. */
class CleanerEngineTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void cleanerEventsNormalisesWhatCanopsisEventsCarries(BrokerKind kind) throws Exception {
        String uri = BROKERS.uri(kind);
        TaskRegistry registry = TaskRegistries.discover(null);
        EngineConfig cleaner = engine("cleaner_events").bind("canopsis.events", "#").next("event_filter").build();
        try (BrokerConnector connector = new BrokerConnector(uri); AmqpProbe probe = new AmqpProbe(uri)) {
            EngineWorkerFactory factory = new EngineWorkerFactory(Map.of("cleaner_events", cleaner),
                    new AmqpSettings(uri, "canopsis"), registry, connector);
            try (RunningWorker worker = RunningWorker.start(factory.create(
                    new LaunchSpec("cleaner", "cleaner_events", 0, "DEBUG"), null), "cleaner")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.consumers("Engine_cleaner_events") == 1);
                List<AmqpProbe.Message> out = probe.collect("Engine_event_filter");
                List<AmqpProbe.Message> errors = probe.collect("Engine_cleaner_events.errors");
                String rk = "nagios.central.check.resource.web1.disk";
                probe.publish("canopsis.events", rk, ("{\"connector\":\"nagios\",\"connector_name\":\"central\","
                        + "\"event_type\":\"check\",\"source_type\":\"resource\",\"component\":\"web1\",\"resource\":\"disk\","
                        + "\"state\":\"2\",\"timestamp\":1700000000,\"perf_data\":\"/=2643MB;5948;5958;0;5968\"}")
                        .getBytes(StandardCharsets.UTF_8));
                probe.publish("canopsis.events", rk, "\u0000garbage".getBytes(StandardCharsets.UTF_8));
                // cleaner.py work: not JSON, then JSON with the backslashes doubled (Windows connectors' paths)
                probe.publish("canopsis.events", rk, "{\"connector\":\"windows\",\"output\":\"C:\\Users\\x\"}"
                        .getBytes(StandardCharsets.UTF_8));
                probe.confirmed();
                await().atMost(Duration.ofSeconds(20)).until(() -> out.size() == 2 && errors.size() == 1);
                assertEquals("C:\\Users\\x", out.get(1).json().get("output").asText());
                ObjectNode event = out.get(0).json();
                assertEquals(rk, event.get("rk").asText());
                assertEquals(2, event.get("state").intValue());
                assertEquals(1, event.get("status").intValue());
                assertEquals("[]", event.get("tags").toString());
                assertEquals("[{\"metric\":\"/\",\"value\":2643.0,\"unit\":\"MB\",\"warn\":5948.0,\"crit\":5958.0,"
                        + "\"min\":0.0,\"max\":5968.0}]", event.get("perf_data_array").toString());
                assertEquals("cleaner_events", errors.get(0).header("x-orchestrator-engine"));
                assertEquals(rk, errors.get(0).header("x-orchestrator-routing-key"));
                assertEquals("canopsis.events", errors.get(0).header("x-orchestrator-exchange"));
            }
        }
    }
}
