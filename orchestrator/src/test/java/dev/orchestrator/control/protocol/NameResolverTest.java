package dev.orchestrator.control.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameResolverTest {

    private static ProcessInfo p(String group, String name) {
        return new ProcessInfo(name, group, ProcessState.RUNNING, 0, 0, 0, "", 0, 1, "", null, null, Map.of());
    }

    private final NameResolver resolver = new NameResolver(List.of(
            p("amqp2engines", "engine-cleaner-events-0"), p("amqp2engines", "engine-cleaner-events-1"),
            p("amqp2engines", "shared"), p("c", "c-0"), p("c", "c-1"), p("other", "shared"), p("solo", "solo")));

    private List<String> targets(String... names) {
        return resolver.resolve(List.of(names)).targets().stream().map(t -> t.process().namespec()).toList();
    }

    @Test
    void groupSpecsSelectTheWholeGroupNotExplicitly() {
        assertEquals(List.of("c:c-0", "c:c-1"), targets("c:*"));
        assertEquals(List.of("c:c-0", "c:c-1"), targets("c:"));
        assertTrue(resolver.resolve(List.of("c:*")).targets().stream().noneMatch(NameResolver.Target::explicit));
    }

    @Test
    void allSelectsEveryProcessOnce() {
        assertEquals(7, targets("all", "c:c-0").size());
    }

    @Test
    void exactAndHomogeneousNames() {
        assertEquals(List.of("c:c-1"), targets("c:c-1"));
        assertEquals(List.of("solo"), targets("solo"));
        assertTrue(resolver.resolve(List.of("solo")).targets().get(0).explicit());
    }

    @Test
    void bareProcessNameWhenUnambiguous() {
        assertEquals(List.of("amqp2engines:engine-cleaner-events-0"), targets("engine-cleaner-events-0"));
    }

    @Test
    void ambiguousBareNameIsRefusedNamingTheCandidates() {
        NameResolver.Resolution r = resolver.resolve(List.of("shared"));
        assertEquals(List.of(), r.targets());
        assertEquals("ambiguous name: amqp2engines:shared, other:shared", r.unknown().get(0).message());
    }

    @Test
    void unknownNamesGetSupervisorctlTexts() {
        NameResolver.Resolution r = resolver.resolve(List.of("nope", "nogroup:*", "c:nope", "c"));
        assertEquals(List.of("nope", "nogroup", "c:nope", "c"), r.unknown().stream().map(Outcome::name).toList());
        assertEquals(List.of("no such process", "no such group", "no such process", "no such process"),
                r.unknown().stream().map(Outcome::message).toList());
        assertEquals(List.of(false, true, false, false), r.unknown().stream().map(Outcome::isGroup).toList());
    }

    @Test
    void singleRefusesGroupSpecs() throws Exception {
        assertEquals("c-0", resolver.single("c:c-0").name());
        assertThrows(NameResolver.UnresolvedName.class, () -> resolver.single("c:*"));
        assertThrows(NameResolver.UnresolvedName.class, () -> resolver.single("all"));
    }

    /**
     * The supervisor-wildcards plugin of Canopsis' supervisord.conf ({@code [ctlplugin:wildcards]}, match_group = 1):
     * fnmatch patterns ({@code supervisorwildcards/controllerplugin.py}, {@code _match_process}) against
     * {@code group:process}, and against process names for a pattern without a colon.
     */
    @Test
    void shellPatternsAsTheWildcardsPlugin() {
        assertEquals(List.of("amqp2engines:engine-cleaner-events-0", "amqp2engines:engine-cleaner-events-1"),
                targets("amqp2engines:engine-*"));
        assertEquals(List.of("amqp2engines:engine-cleaner-events-1", "c:c-1"), targets("*-1"));
        assertEquals(List.of("c:c-0", "c:c-1"), targets("c:c-[01]"));
        assertEquals(List.of("c:c-1"), targets("c:c-[!0]"));
        assertEquals(List.of("amqp2engines:shared", "other:shared"), targets("*:shared"));
        assertEquals(List.of(), targets("c?c-?"), "a pattern without a colon matches process names only");
        assertTrue(resolver.resolve(List.of("c:c-1")).targets().get(0).explicit());
        assertTrue(resolver.resolve(List.of("c:*-1")).targets().get(0).explicit(), "each match as if named");
        NameResolver.Resolution none = resolver.resolve(List.of("amqp2engines:engine-acme-*"));
        assertEquals(List.of(), none.targets());
        assertEquals("no such process", none.unknown().get(0).message());
        assertEquals(List.of(), targets("c:c-[1"), "an unclosed set is literal, as in fnmatch");
    }

    @Test
    void aProgramNameAloneAddressesAllItsProcesses() {
        ProcessInfo a0 = new ProcessInfo("engine-a-0", "amqp2engines", ProcessState.RUNNING, 0, 0, 0, "", 0, 1, "",
                null, null, Map.of(), "engine-a", "thread", "");
        ProcessInfo a1 = new ProcessInfo("engine-a-1", "amqp2engines", ProcessState.RUNNING, 0, 0, 0, "", 0, 1, "",
                null, null, Map.of(), "engine-a", "thread", "");
        NameResolver r = new NameResolver(List.of(a0, a1));
        assertEquals(List.of(a0, a1), r.resolve(List.of("engine-a")).targets().stream()
                .map(NameResolver.Target::process).toList());
        assertEquals(List.of(a0), r.resolve(List.of("engine-a-0")).targets().stream()
                .map(NameResolver.Target::process).toList());
    }
}
