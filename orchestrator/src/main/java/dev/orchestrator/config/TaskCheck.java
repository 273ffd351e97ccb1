package dev.orchestrator.config;

import dev.orchestrator.plugin.TaskRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Checks a configuration against a task registry: every program's engine type ({@code -e}) is a registered type or
 * a loadable EngineType class, and every {@code event_processing}/{@code beat_processing} names a registered task.
 * Separate from loading so that reading a configuration never needs the plugins.
 */
public final class TaskCheck {

    private TaskCheck() { }

    /** The errors, each naming the file, line, section and key and the nearest registered names. */
    public static List<Problem> check(Configuration configuration, TaskRegistry registry) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        configuration.groups().stream().flatMap(g -> g.programs().stream())
                .flatMap(p -> p.processes().stream().limit(1))
                .filter(p -> p.launch() != null && seen.add(p.program()))
                .forEach(p -> engineType(p, registry, problems));
        for (EngineConfig engine : configuration.engines().values()) {
            task(engine, "event_processing", engine.eventProcessing(), "event task", registry.eventTaskNames(),
                    registry.eventTask(engine.eventProcessing()).isPresent(), problems);
            task(engine, "beat_processing", engine.beatProcessing(), "beat task", registry.beatTaskNames(),
                    registry.beatTask(engine.beatProcessing()).isPresent(), problems);
        }
        return List.copyOf(problems);
    }

    private static void engineType(ProcessConfig process, TaskRegistry registry, List<Problem> problems) {
        String type = process.launch().engineType();
        if (registry.engineType(type).isPresent()) return;
        problems.add(new Problem(Problem.Severity.ERROR, process.source(), "engine type '" + type + "' of program "
                + process.program() + " cannot run here: it is neither a registered engine type nor a loadable"
                + " EngineType class (expected -e with a registered type; "
                + NearestNames.describe(type, registry.engineTypeNames()) + ")"));
    }

    private static void task(EngineConfig engine, String key, String name, String kind, SortedSet<String> known,
                             boolean registered, List<Problem> problems) {
        if (name == null || registered) return;
        problems.add(new Problem(Problem.Severity.ERROR, engine.sourceOf(key), "unknown " + kind + " '" + name
                + "' for engine " + engine.name() + " (expected a registered " + kind + "; "
                + NearestNames.describe(name, known) + ")"));
    }
}
