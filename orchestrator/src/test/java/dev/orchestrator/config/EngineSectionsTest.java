package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.messages;
import static dev.orchestrator.config.ConfigTree.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** [engine:NAME] sections: typed keys, defaults, params, and the checks between engines and programs. */
class EngineSectionsTest extends WithConfigTree {

    private static String program(String engine) {
        return "[program:" + engine + "]\ncommand=engine-launcher -e dynamic -n " + engine + " -w 0\n";
    }

    @Test
    void defaults() {
        Configuration c = tree.single("[engine:a]\n" + program("a"));
        EngineConfig a = c.engines().get("a");
        assertEquals(EngineConfig.defaults("a", a.source()), new EngineConfig(a.name(), a.next(), a.nextBalanced(),
                a.beatInterval(), a.exchangeName(), a.routingKeys(), a.eventProcessing(), a.beatProcessing(),
                a.maxRetries(), a.prefetch(), a.queueArguments(), a.params(), a.source()));
        assertEquals("Engine_a", a.queue());
        assertEquals(List.of(Map.entry("amq.direct", "Engine_a")), a.bindings());
        assertEquals(200, a.prefetch());
        assertEquals(64 * 1024, a.maxEventBytes());
        assertEquals(60, a.beatInterval());
        assertEquals(5, a.maxRetries());
    }

    @Test
    void typedKeysAndParams() {
        Configuration c = tree.single("""
                [engine:a]
                next= b , ,c,
                next_balanced=yes
                beat_interval=0
                exchange_name=canopsis.events
                routing_keys=#, x.*.y
                event_processing=my.tasks.process
                beat_processing=my.tasks.beat
                max_retries=2
                prefetch=50
                max_event_bytes=512KB
                queue_arguments=x-queue-type=quorum, x-max-length=10000, x-big=123456789012, x-flag=true, x-v=1.5
                rules_file=rules/a.json
                acknowledge_on=canopsis.events
                [engine:b]
                [engine:c]
                """ + program("a") + program("b") + program("c"));
        assertEquals(List.of(), c.problems());
        EngineConfig a = c.engines().get("a");
        assertEquals(List.of("b", "c"), a.next());
        assertTrue(a.nextBalanced());
        assertEquals(0, a.beatInterval());
        assertEquals(List.of(Map.entry("canopsis.events", "#"), Map.entry("canopsis.events", "x.*.y")), a.bindings());
        assertEquals("my.tasks.process", a.eventProcessing());
        assertEquals("my.tasks.beat", a.beatProcessing());
        assertEquals(2, a.maxRetries());
        assertEquals(50, a.prefetch());
        assertEquals(512 * 1024, a.maxEventBytes());
        assertEquals(Map.of("x-queue-type", "quorum", "x-max-length", 10000, "x-big", 123456789012L, "x-flag", true,
                "x-v", "1.5"), a.queueArguments());
        assertEquals(Map.of("rules_file", "rules/a.json", "acknowledge_on", "canopsis.events"), a.params());
        assertEquals(7, a.sourceOf("event_processing").line());
        assertEquals(11, a.sourceOf("max_event_bytes").line());
        assertEquals(List.of(Map.entry("amq.direct", "Engine_b")), c.engines().get("b").bindings());
    }

    @Test
    void otherExchangeWithoutRoutingKeyBindsWithTheEmptyKey() {
        Configuration c = tree.single("[engine:a]\nexchange_name=fanout.x\n" + program("a"));
        assertEquals(List.of(Map.entry("fanout.x", "")), c.engines().get("a").bindings());
    }

    @Test
    void badValuesAreErrorsWithFileAndLine() {
        Configuration c = tree.single("""
                [engine:a]
                next_balanced=perhaps
                beat_interval=often
                max_retries=-1
                prefetch=0
                max_event_bytes=1GB
                queue_arguments=x-queue-type
                """ + program("a"));
        List<Problem> errors = c.problems();
        assertEquals(List.of(2, 3, 4, 5, 6, 7), errors.stream().map(p -> p.source().line()).toList());
        assertTrue(errors.stream().allMatch(p -> p.severity() == Problem.Severity.ERROR
                && p.source().file().equals(tmp.resolve("etc/supervisord.conf"))
                && p.source().section().equals("engine:a") && p.message().contains("(expected")), errors::toString);
        assertEquals("not a valid boolean value: 'perhaps' (expected true/false, yes/no, on/off or 1/0)",
                errors.get(0).message());
        assertEquals("invalid literal for int() with base 10: 'often' (expected an integer)", errors.get(1).message());
        assertEquals("value 1073741824 out of range (expected 1 to 134217728 bytes, e.g. 512KB)",
                errors.get(4).message());
    }

    @Test
    void missingSectionMeansDefaultsWithAWarning() {
        Configuration c = tree.single(program("lonely"));
        assertEquals(List.of(), errors(c));
        assertTrue(messages(c, Problem.Severity.WARNING).get(0).startsWith("engine 'lonely' has no [engine:lonely]"
                + " section; it runs with the defaults"));
        EngineConfig e = c.engines().get("lonely");
        assertEquals("Engine_lonely", e.queue());
        assertNull(e.eventProcessing());
        assertEquals(tmp.resolve("etc/supervisord.conf"), e.source().file());
    }

    @Test
    void unknownNextIsAnErrorNamingTheNearestEngines() {
        Problem e = onlyError(tree.single("[engine:a]\nnext=evenstore\n[engine:eventstore]\n" + program("a")
                + program("eventstore")), "next names engine 'evenstore', which has no [engine:evenstore] section");
        assertEquals("next", e.source().key());
        assertEquals(2, e.source().line());
        assertTrue(e.message().endsWith("(expected an engine name; nearest: eventstore)"), e::message);
    }

    @Test
    void nextEngineThatNoProgramRunsIsAWarning() {
        Configuration c = tree.single("[engine:a]\nnext=b\n[engine:b]\n" + program("a"));
        assertEquals(List.of("next names engine 'b', which no program runs: its queue Engine_b will fill up"),
                messages(c, Problem.Severity.WARNING));
        assertFalse(c.hasErrors());
    }

    @Test
    void valuesWithNamesAreExpanded() {
        Configuration c = tree.single("[engine:a]\nrules_file=%(here)s/rules.json\nformat=50%\nhome=%(ENV_HOME)s\n"
                + program("a"));
        assertEquals(Map.of("rules_file", tmp + "/etc/rules.json", "format", "50%", "home", tmp.toString()),
                c.engines().get("a").params());
    }

    @Test
    void prefetchWindowsAtTheEventLimitMustFitInHalfTheDaemonsHeap() {
        Configuration fits = tree.single("[engine:a]\n" + program("a"));
        assertEquals(java.util.Optional.empty(), InFlightMemory.warning(fits, 256L << 20));
        Configuration big = tree.single("[engine:a]\nprefetch=1000\nmax_event_bytes=1MB\n" + program("a"));
        assertEquals("the 1 worker threads may hold up to 1000 MiB of events (prefetch x max_event_bytes each), over"
                + " half the heap of 256 MiB: lower prefetch or max_event_bytes, or raise -Xmx"
                + " (ORCHESTRATOR_DAEMON_JAVA_OPTS)", InFlightMemory.warning(big, 256L << 20).orElseThrow());
    }
}
