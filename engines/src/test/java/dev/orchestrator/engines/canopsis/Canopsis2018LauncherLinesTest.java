package dev.orchestrator.engines.canopsis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.api.EngineType;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.plugin.TaskRegistries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 2018 tree's launcher lines name Python modules ({@code -e canopsis.engines.cleaner}): capensis/canopsis at
 * 0b66f9e13c (2018-02-21), {@code sources/canopsis/etc/engines/*.ini}, which the original launcher imports
 * ({@code sources/canopsis/scripts/engine-launcher}, {@code EngineLauncher.load_module}). Each resolves to the
 * built-in engine type of that module where one exists; the others have no Java implementation (they run the
 * original launcher as a process).
 */
class Canopsis2018LauncherLinesTest {

    /** {@code -e} of every {@code command=} of the 2018 {@code etc/engines/*.ini}, and the built-in type expected. */
    private static final Map<String, String> LINES = new LinkedHashMap<>();

    static {
        LINES.put("canopsis.engines.acknowledgement", null); // acknowledgement.ini
        LINES.put("canopsis.engines.dynamic", "dynamic"); // alerts, context-graph, pbehavior, perfdata, serie...
        LINES.put("canopsis.engines.cancel", null); // cancel.ini
        LINES.put("canopsis.engines.cleaner", "cleaner"); // cleaner-alerts.ini, cleaner-events.ini
        LINES.put("canopsis.engines.event_filter", "event_filter"); // event-filter.ini
        LINES.put("canopsis.engines.eventduration", "eventduration"); // eventduration.ini
        LINES.put("canopsis.engines.eventstore", "eventstore"); // eventstore.ini
        LINES.put("canopsis.engines.linklist", null); // linklist.ini
        LINES.put("canopsis.engines.scheduler", null); // scheduler.ini
        LINES.put("canopsis.engines.selector", null); // selector.ini
        LINES.put("canopsis.engines.task_dataclean", null); // taskhandler-dataclean.ini
        LINES.put("canopsis.engines.task_importctx", null); // taskhandler-importctx.ini
        LINES.put("canopsis.engines.task_linklist", null); // taskhandler-linklist.ini
        LINES.put("canopsis.engines.task_mail", null); // taskhandler-mail.ini
        LINES.put("canopsis.engines.ticket", null); // ticket.ini
    }

    @Test
    void modulePathsResolveToTheBuiltInTypeOfTheirModule() {
        DefaultTaskRegistry registry = TaskRegistries.discover(Path.of("does-not-exist"));
        for (Map.Entry<String, String> line : LINES.entrySet()) {
            Optional<EngineType> resolved = registry.engineType(line.getKey());
            Optional<EngineType> expected = Optional.ofNullable(line.getValue()).flatMap(registry::engineType);
            assertEquals(expected.isPresent(), resolved.isPresent(), line.getKey());
            expected.ifPresent(type -> assertEquals(type, resolved.get(), line.getKey()));
        }
        assertEquals(Optional.empty(), registry.engineType("canopsis.cleaner"), "only modules of an engines package");
        assertEquals(registry.engineType("tag"), registry.engineType("canopsis_cat.engines.tag"));
    }
}
