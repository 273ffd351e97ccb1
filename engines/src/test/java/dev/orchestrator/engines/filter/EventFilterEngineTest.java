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

/**
 * One event_filter worker on the embedded broker: a route goes to its queue only (the value is the routing key, as
 * event_filter.py a_route), a passed event gets rk and _id (work), the rules file is re-read on beat, and every beat
 * publishes the statistics event of send_stat_event.
 */
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
                [{"crecord_type": "filter", "enable": true, "name": "special", "mfilter": {"connector": "x"},
                  "actions": [{"type": "route", "route": "task_special"}, {"type": "pass"}]},
                 {"crecord_type": "filter", "enable": true, "name": "rename", "mfilter": {"connector": "y"},
                  "actions": [{"type": "override", "field": "component", "value": "zz"}, {"type": "pass"}]}]""");
        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        EngineConfig filter = engine("event_filter").next("tag").beat(1)
                .params(Map.of("rules_file", rules.toString(), "default_action", "drop")).build();
        try (BrokerConnector connector = new BrokerConnector(uri); AmqpProbe probe = new AmqpProbe(uri)) {
            EngineWorkerFactory factory = new EngineWorkerFactory(Map.of("event_filter", filter),
                    new AmqpSettings(uri, "canopsis"), TaskRegistries.discover(null), connector);
            try (RunningWorker worker = RunningWorker.start(factory.create(
                    new LaunchSpec("event_filter", "event_filter", 0, "DEBUG"), null), "filter")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> probe.consumers("Engine_event_filter") == 1);
                List<AmqpProbe.Message> next = probe.collect("Engine_tag");
                List<AmqpProbe.Message> special = probe.collect("task_special");
                List<AmqpProbe.Message> stats = probe.collect("filter-stats", "canopsis.events", "Engine.engine.check.resource.*.Engine_event_filter_data");
                for (String connectorName : List.of("x", "y", "z", "x")) {
                    probe.publish("amq.direct", "Engine_event_filter", event(connectorName));
                }
                probe.confirmed();
                await().atMost(Duration.ofSeconds(20)).until(() -> special.size() == 2 && next.size() == 1);
                assertEquals("x.cn.check.component.c1", special.get(0).json().get("rk").asText());
                ObjectNode renamed = next.get(0).json();
                assertEquals("zz", renamed.get("component").asText());
                assertEquals("y.cn.check.component.zz", renamed.get("rk").asText(), "rk recomputed after the override");
                assertEquals("y.cn.check.component.zz", renamed.get("_id").asText());

                Files.writeString(rules, "[{\"crecord_type\": \"filter\", \"enable\": true, \"name\": \"z-too\", \"mfilter\": {\"connector\": \"z\"}, \"actions\": [{\"type\": \"pass\"}]}]");
                Files.setLastModifiedTime(rules, FileTime.from(Instant.now().plusSeconds(5)));
                // until a beat has re-read the file, z is still dropped: publish one z per poll
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    probe.publish("amq.direct", "Engine_event_filter", event("z"));
                    return next.stream().anyMatch(m -> m.json().get("connector").asText().equals("z"));
                });
                assertEquals(2, special.size());
                assertEquals(0, next.stream().filter(m -> m.json().get("connector").asText().equals("x")).count(),
                        "a routed event goes to its route instead of next, not as well");
                await().atMost(Duration.ofSeconds(20)).until(() -> stats.stream().mapToLong(m -> metric(m, 0)).sum() >= 3
                        && stats.stream().mapToLong(m -> metric(m, 1)).sum() >= 1);
                ObjectNode stat = stats.get(0).json();
                assertEquals("Engine_event_filter_data", stat.get("resource").asText());
                assertEquals(List.of("pass_event", "drop_event"), stat.get("perf_data_array").findValuesAsText("metric"));
                assertEquals("GAUGE", stat.get("perf_data_array").get(0).get("type").asText());
                assertEquals(metric(stats.get(0), 1) + " event dropped since 1", stat.get("output").asText());
            }
        }
    }

    private static long metric(AmqpProbe.Message stats, int index) {
        return stats.json().get("perf_data_array").get(index).get("value").longValue();
    }
}
