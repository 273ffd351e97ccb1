package dev.orchestrator.engines.filter;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.RunningWorker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One event_filter worker on the embedded broker: a route goes to its queue only, the rules file is re-read on beat. */
class EventFilterEngineTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @TempDir
    Path dir;

    private static ObjectNode event(String connector) {
        return JsonNodeFactory.instance.objectNode().put("connector", connector).put("connector_name", "cn")
                .put("event_type", "check").put("source_type", "component").put("component", "c1").put("rk", "stale");
    }

    @Test
    void routesPerEventDropsByDefaultAndReloadsItsRulesOnBeat() throws Exception {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, """
                [{"name": "special", "mfilter": {"connector": "x"}, "actions": [{"type": "route", "route": "special"}, {"type": "pass"}]},
                 {"name": "rename", "mfilter": {"connector": "y"}, "actions": [{"type": "override", "field": "component", "value": "zz"}, {"type": "pass"}]}]""");
        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        EngineConfig filter = engine("event_filter").next("tag").beat(1)
                .params(Map.of("rules_file", rules.toString(), "default_action", "drop")).build();
        try (BrokerConnector connector = new BrokerConnector(uri); AmqpProbe probe = new AmqpProbe(uri)) {
            EngineWorkerFactory factory = new EngineWorkerFactory(Map.of("event_filter", filter),
                    new AmqpSettings(uri, "canopsis"), TaskRegistries.discover(null), connector);
            try (RunningWorker worker = RunningWorker.start(factory.create(
                    new LaunchSpec("event_filter", "event_filter", 0, "DEBUG"), "engine-event-filter-0", null), "filter")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.consumers("Engine_event_filter") == 1);
                List<AmqpProbe.Message> next = probe.collect("Engine_tag");
                List<AmqpProbe.Message> special = probe.collect("Engine_special");
                for (String connectorName : List.of("x", "y", "z", "x")) {
                    probe.publish("amq.direct", "Engine_event_filter", event(connectorName));
                }
                probe.confirmed();
                await().atMost(Duration.ofSeconds(20)).until(() -> special.size() == 2 && next.size() == 1);
                assertEquals("x.cn.check.component.c1", special.get(0).json().get("rk").asText());
                ObjectNode renamed = next.get(0).json();
                assertEquals("zz", renamed.get("component").asText());
                assertEquals("y.cn.check.component.zz", renamed.get("rk").asText(), "rk recomputed after the override");

                Files.writeString(rules, "[{\"name\": \"z-too\", \"mfilter\": {\"connector\": \"z\"}, \"actions\": [{\"type\": \"pass\"}]}]");
                Files.setLastModifiedTime(rules, FileTime.from(Instant.now().plusSeconds(5)));
                // until a beat has re-read the file, z is still dropped: publish one z per poll
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    probe.publish("amq.direct", "Engine_event_filter", event("z"));
                    return next.stream().anyMatch(m -> m.json().get("connector").asText().equals("z"));
                });
                assertEquals(2, special.size());
                assertEquals(0, next.stream().filter(m -> m.json().get("connector").asText().equals("x")).count(),
                        "a routed event goes to its route instead of next, not as well");
            }
        }
    }
}
