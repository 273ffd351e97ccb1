package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The etc/ tree the project ships (Canopsis' split layout) reads without errors into the expected plan. */
class ShippedConfigurationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ETC = ROOT.resolve("etc");

    private final Configuration config = ConfigLoader.load(ETC.resolve("supervisord.conf"), Map.of(), ROOT);

    @Test
    void readsWithoutErrorsOrWarnings() {
        assertEquals(List.of(), config.problems());
    }

    /** What Runtime.maxMemory() says under the launcher's -XX:+UseSerialGC -Xmx256m (less one survivor space). */
    private static final long LAUNCHER_HEAP = 259_522_560L;

    @Test
    void itsPrefetchWindowsAtTheEventLimitFitTheDaemonsDefaultHeap() {
        assertEquals(Optional.empty(), InFlightMemory.warning(config, LAUNCHER_HEAP), "make run starts clean");
        assertEquals("the 5 worker threads may hold up to 62 MiB of events (prefetch x max_event_bytes each), over half"
                + " the heap of 123 MiB: lower prefetch or max_event_bytes, or raise -Xmx (ORCHESTRATOR_DAEMON_JAVA_OPTS)",
                InFlightMemory.warning(config, LAUNCHER_HEAP / 2).orElseThrow(), "the check counts them");
    }

    @Test
    void oneGroupWithTheChainInProgramsOrder() {
        assertEquals(1, config.groups().size());
        GroupConfig group = config.groups().get(0);
        assertEquals("amqp2engines", group.name());
        assertEquals(List.of("engine-cleaner-events", "engine-event-filter", "engine-tag", "engine-perfdata",
                "engine-eventstore"), group.programs().stream().map(ProgramConfig::name).toList());
        assertEquals(List.of("engine-cleaner-events-0", "engine-event-filter-0", "engine-tag-0",
                "engine-perfdata-0", "engine-eventstore-0"), config.processes().map(ProcessConfig::name).toList());
        assertTrue(config.processes().allMatch(ProcessConfig::autostart));
    }

    @Test
    void processesLaunchTheirEngines() {
        ProcessConfig perfdata = config.processes().filter(p -> p.program().equals("engine-perfdata")).findFirst()
                .orElseThrow();
        assertEquals(new LaunchSpec("dynamic", "perfdata", 0, "INFO"), perfdata.launch());
        assertEquals("amqp2engines:engine-perfdata-0", perfdata.namespec());
        assertEquals(new LogSpec(ROOT.resolve("logs/perfdata.log"), false, 10L << 20, 5), perfdata.stdoutLog());
        assertEquals(perfdata.stdoutLog(), perfdata.stderrLog());
        assertEquals(ETC.resolve("engines/perfdata.ini"), perfdata.source().file());
    }

    @Test
    void enginesFromAmqp2enginesConf() {
        assertEquals(5, config.engines().size());
        EngineConfig cleaner = config.engines().get("cleaner_events");
        assertEquals(List.of("event_filter"), cleaner.next());
        assertEquals(List.of(Map.entry("canopsis.events", "#")), cleaner.bindings());
        assertEquals(List.of("perfdata"), config.engines().get("tag").next());
        assertEquals(List.of("eventstore"), config.engines().get("perfdata").next());
        assertEquals("canopsis.perfdata.process.event_processing",
                config.engines().get("perfdata").eventProcessing());
        assertEquals(List.of(Map.entry("amq.direct", "Engine_eventstore")),
                config.engines().get("eventstore").bindings());
    }

    @Test
    void daemonPathsAndEmbeddedBroker() {
        SupervisordSettings d = config.supervisord();
        assertEquals(ROOT.resolve("logs/orchestrator.log"), d.logfile());
        assertEquals(ROOT.resolve("run/orchestrator.pid"), d.pidfile());
        assertEquals(ROOT.resolve("run/orchestrator.sock"), d.socketFile());
        assertTrue(config.amqp().embedded());
        assertFalse(config.hasErrors());
    }
}
