package dev.orchestrator.plugin;

import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.Task;
import dev.orchestrator.config.NearestNames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

class DefaultTaskRegistryTest {

    /** Tasks under their default and explicit names. */
    public static final class Sample {
        @Task
        public static ObjectNode stamp(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
            event.put("stamped", params.getOrDefault("by", "?"));
            return null;
        }

        @Task("canopsis.perfdata.process.event_processing")
        static ObjectNode drop(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
            return EventTask.DROP;
        }

        @Task
        public static void tick(EngineContext engine, Logger logger, Map<String, String> params) {
            throw new IllegalStateException("tick " + params.get("n"));
        }
    }

    static final class BadSignature {
        @Task
        public static String nope(String x) { return x; }
    }

    static final class NotStatic {
        @Task
        public ObjectNode work(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
            return event;
        }
    }

    /** An engine type loadable by its class name. */
    public static final class Named implements EngineType {
        @Override
        public Engine create(EngineContext context) { return event -> event; }
    }

    @Test
    void registersAnnotatedMethodsUnderDefaultAndExplicitNames() throws Exception {
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        registry.registerAnnotated(Sample.class);
        String prefix = Sample.class.getName() + ".";
        assertEquals(Set.of(prefix + "stamp", "canopsis.perfdata.process.event_processing"), registry.eventTaskNames());
        assertEquals(Set.of(prefix + "tick"), registry.beatTaskNames());

        ObjectNode event = JsonNodeFactory.instance.objectNode();
        assertSame(null, registry.eventTask(prefix + "stamp").orElseThrow().process(null, event, null, Map.of("by", "me")));
        assertEquals("me", event.get("stamped").asText());
        assertSame(EventTask.DROP, registry.eventTask("canopsis.perfdata.process.event_processing").orElseThrow()
                .process(null, event, null, Map.of()));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> registry.beatTask(prefix + "tick").orElseThrow().beat(null, null, Map.of("n", "1")));
        assertEquals("tick 1", thrown.getMessage());
    }

    @Test
    void duplicateNamesAreAnError() {
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        registry.register("a.b", EventTask.IDENTITY);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.register("a.b", EventTask.IDENTITY));
        assertEquals("event task 'a.b' is already registered", e.getMessage());
        registry.registerAnnotated(Sample.class);
        assertThrows(IllegalStateException.class, () -> registry.registerAnnotated(Sample.class));
    }

    @Test
    void rejectsMethodsThatAreNotTasks() {
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> registry.registerAnnotated(BadSignature.class));
        assertTrue(bad.getMessage().startsWith("@Task method " + BadSignature.class.getName() + ".nope has neither"), bad.getMessage());
        IllegalArgumentException instance = assertThrows(IllegalArgumentException.class, () -> registry.registerAnnotated(NotStatic.class));
        assertEquals("@Task method " + NotStatic.class.getName() + ".work must be static", instance.getMessage());
    }

    @Test
    void resolvesEngineTypesByNameOrClassName() {
        DefaultTaskRegistry registry = TaskRegistries.discover(Path.of("does-not-exist"));
        assertTrue(registry.engineType("dynamic").isPresent());
        assertTrue(registry.engineType(Named.class.getName()).isPresent());
        assertSame(registry.engineType(Named.class.getName()).get(), registry.engineType(Named.class.getName()).get());
        assertEquals("engine type class java.lang.String does not implement " + EngineType.class.getName(),
                assertThrows(IllegalArgumentException.class, () -> registry.engineType("java.lang.String")).getMessage());
        assertTrue(registry.engineType("no.such.Type").isEmpty());
        assertTrue(registry.engineType("nosuch").isEmpty());
        assertEquals(Set.of("dynamic"), registry.engineTypeNames());
    }

    public static final class FailingInitialiser implements EngineType {
        static final int VALUE = Integer.parseInt("not a number");

        @Override
        public Engine create(EngineContext context) { return event -> event; }
    }

    public static final class FailingConstructor implements EngineType {
        public FailingConstructor() { throw new IllegalStateException("no licence file"); }

        @Override
        public Engine create(EngineContext context) { return event -> event; }
    }

    public static final class NoDefaultConstructor implements EngineType {
        public NoDefaultConstructor(String unused) { }

        @Override
        public Engine create(EngineContext context) { return event -> event; }
    }

    /** Regression: these were all reported as "unknown engine type", their cause lost (loadEngineTypeClass). */
    @Test
    void anEngineTypeClassThatCannotServeIsReportedWithItsCause() {
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        IllegalArgumentException initialiser = assertThrows(IllegalArgumentException.class,
                () -> registry.engineType(FailingInitialiser.class.getName()));
        assertEquals("engine type class " + FailingInitialiser.class.getName() + " cannot be used: its static"
                + " initialiser threw: java.lang.NumberFormatException: For input string: \"not a number\"",
                initialiser.getMessage());
        assertTrue(initialiser.getCause() instanceof NumberFormatException);
        IllegalArgumentException constructor = assertThrows(IllegalArgumentException.class,
                () -> registry.engineType(FailingConstructor.class.getName()));
        assertEquals("engine type class " + FailingConstructor.class.getName() + " cannot be used: its constructor"
                + " threw: java.lang.IllegalStateException: no licence file", constructor.getMessage());
        IllegalArgumentException noConstructor = assertThrows(IllegalArgumentException.class,
                () -> registry.engineType(NoDefaultConstructor.class.getName()));
        assertTrue(noConstructor.getMessage().startsWith("engine type class " + NoDefaultConstructor.class.getName()
                + " cannot be used: it has no public constructor without arguments"), noConstructor.getMessage());
    }

    @Test
    void nearestNamesForMessages() {
        List<String> known = List.of("canopsis.alerts.process.event_processing", "canopsis.perfdata.process.event_processing",
                "canopsis.perfdata.process.beat_processing", "cleaner", "dynamic");
        assertEquals(List.of("canopsis.perfdata.process.event_processing"),
                NearestNames.nearest("canopsis.perfdata.proces.event_processing", known).subList(0, 1));
        assertEquals(List.of("cleaner"), NearestNames.nearest("claener", known));
        assertEquals(List.of(), NearestNames.nearest("zzzzzzzz", known));
        assertEquals("unknown task 'dynamik' for event_processing of engine x (nearest: dynamic)",
                NearestNames.unknownMessage("task", "dynamik", "for event_processing of engine x", known));
        assertEquals("unknown engine type 'qqqqqq'", NearestNames.unknownMessage("engine type", "qqqqqq", "", known));
    }
}
