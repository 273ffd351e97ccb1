package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.ProcessConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated trees read by the real configuration loader. */
class ConfigTreeTest {

    private static final BrokerAddress BROKER = new BrokerAddress("127.0.0.1", 5672, "guest", "guest", "bench-vhost");

    @TempDir
    Path dir;

    private Configuration load(List<ConfigTree.Engine> engines) throws Exception {
        return load(engines, EngineConfig.DEFAULT_PREFETCH);
    }

    private Configuration load(List<ConfigTree.Engine> engines, int prefetch) throws Exception {
        Configuration c = ConfigLoader.load(ConfigTree.write(dir, engines, BROKER, 1, prefetch), Map.of(), dir);
        assertFalse(c.hasErrors(), () -> "problems: " + c.problems());
        return c;
    }

    @Test
    void aChainOfThreeHopsEndsInTheSinkWithTheFirstEngineOnTheEventsExchange() throws Exception {
        Configuration c = load(ConfigTree.chain(3));
        assertEquals(List.of("hop2"), c.engines().get("hop1").next());
        assertEquals(List.of("hop3"), c.engines().get("hop2").next());
        assertEquals(List.of(ConfigTree.SINK), c.engines().get("hop3").next());
        EngineConfig first = c.engines().get("hop1");
        assertEquals(List.of(Map.entry(ConfigTree.EVENTS_EXCHANGE, ConfigTree.ROUTING_KEY)), first.bindings());
        assertEquals(List.of(Map.entry("amq.direct", "Engine_hop2")), c.engines().get("hop2").bindings());
        assertEquals(null, first.eventProcessing());
        assertEquals(EngineConfig.DEFAULT_PREFETCH, first.prefetch());
        assertEquals(BROKER.uri(), c.amqp().uri());
        List<ProcessConfig> processes = c.processes().toList();
        assertEquals(3, processes.size());
        for (ProcessConfig p : processes) {
            assertEquals("dynamic", p.launch().engineType());
            assertFalse(p.autostart());
            assertEquals(1, p.startsecs());
        }
    }

    @Test
    void fiftyIdleEnginesOfTwoWorkersAreAHundredProcesses() throws Exception {
        Configuration c = load(ConfigTree.idle(50, 2));
        assertEquals(100, c.processes().count());
        assertEquals(50, c.engines().size());
        assertEquals(dir.resolve("run/orchestrator.sock"), c.supervisord().socketFile().normalize());
    }

    @Test
    void aScaledEngineHasItsWorkers() throws Exception {
        Configuration c = load(ConfigTree.scaled(4));
        assertEquals(List.of("engine-scaled-0", "engine-scaled-1", "engine-scaled-2", "engine-scaled-3"),
                c.processes().map(ProcessConfig::name).toList());
    }

    @Test
    void fedEnginesAllTakeTheProducersEventsIntoTheSink() throws Exception {
        Configuration c = load(ConfigTree.fed(10, 2));
        assertEquals(20, c.processes().count());
        for (String name : List.of("fed01", "fed10")) {
            assertEquals(List.of(ConfigTree.SINK), c.engines().get(name).next());
            assertEquals(List.of(Map.entry(ConfigTree.EVENTS_EXCHANGE, ConfigTree.ROUTING_KEY)), c.engines().get(name).bindings());
        }
    }

    @Test
    void anotherPrefetchIsWrittenIntoEveryEngineSection() throws Exception {
        Configuration c = load(ConfigTree.chain(2), 1000);
        assertEquals(1000, c.engines().get("hop1").prefetch());
        assertEquals(1000, c.engines().get("hop2").prefetch());
    }
}
