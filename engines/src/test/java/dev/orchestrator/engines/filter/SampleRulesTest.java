package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped etc/: its chain reads, and its sample event_filter rules do what their descriptions say. */
class SampleRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ETC = Path.of("..", "etc").toAbsolutePath().normalize();
    private static Configuration configuration;
    private static RuleSet rules;

    @BeforeAll
    static void load() {
        configuration = ConfigLoader.load(ETC.resolve("supervisord.conf"), Map.of(), ETC.getParent());
        EngineConfig filter = configuration.engines().get("event_filter");
        rules = new RulesFile(ETC.resolve(filter.params().get("rules_file")), LogManager.getLogger()).rules();
    }

    private static ObjectNode event(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void theShippedChainEndsWithPerfdataThenTheEventstore() {
        assertFalse(configuration.hasErrors(), configuration.problems().toString());
        Map<String, EngineConfig> engines = configuration.engines();
        assertEquals(List.of("event_filter"), engines.get("cleaner_events").next());
        assertEquals(List.of("tag"), engines.get("event_filter").next());
        assertEquals(List.of("perfdata"), engines.get("tag").next());
        assertEquals(List.of("eventstore"), engines.get("perfdata").next());
        assertEquals("pass", engines.get("event_filter").params().get("default_action"));
        assertEquals("../logs/eventstore.jsonl", engines.get("eventstore").params().get("path"));
        assertEquals(3, rules.size());
        assertEquals(List.of(), rules.warnings());
    }

    @Test
    void debugProbesAreDropped() throws Exception {
        RuleSet.Verdict verdict = rules.apply(event("""
                {"connector": "debug", "connector_name": "debug-probe", "event_type": "check", "source_type": "resource",
                 "component": "web-01", "resource": "probe"}"""), false);
        assertFalse(verdict.passes());
        assertEquals("rule 'drop-debug-probes'", verdict.decidedBy());
    }

    @Test
    void databaseServersAreMarked() throws Exception {
        ObjectNode event = event("""
                {"connector": "nagios", "connector_name": "nagios-paris", "event_type": "check", "source_type": "component",
                 "component": "db-02", "tags": []}""");
        assertTrue(rules.apply(event, false).passes());
        assertEquals("database", event.get("tier").asText());
        assertEquals(JSON.readTree("[\"dba-team\"]"), event.get("tags"));
    }

    @Test
    void collectdMetricsAreRoutedToPerfdata() throws Exception {
        RuleSet.Verdict verdict = rules.apply(event("""
                {"connector": "collectd", "connector_name": "collectd2event", "event_type": "perf", "source_type": "resource",
                 "component": "db-01", "resource": "interface-eth0"}"""), false);
        assertTrue(verdict.passes());
        assertEquals("Engine_perfdata", verdict.route());
    }

    @Test
    void otherEventsPassUntouchedByTheDefaultAction() throws Exception {
        ObjectNode event = event("""
                {"connector": "syslog", "connector_name": "rsyslog-01", "event_type": "log", "source_type": "component",
                 "component": "web-01"}""");
        String before = event.toString();
        RuleSet.Verdict verdict = rules.apply(event, false);
        assertTrue(verdict.passes());
        assertNull(verdict.route());
        assertEquals("the default action", verdict.decidedBy());
        assertEquals(before, event.toString());
    }
}
