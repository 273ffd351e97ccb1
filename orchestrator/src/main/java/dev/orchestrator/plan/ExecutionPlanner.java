package dev.orchestrator.plan;

import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.TaskRegistry;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.Implementation;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.NearestNames;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.ProgramConfig;
import dev.orchestrator.config.Source;
import dev.orchestrator.plugin.ModulePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which way each program runs (docs/migrating.md). An engine-launcher program runs as a thread (or in its own JVM
 * with {@code isolation=process}) when a Java implementation exists and its configuration as written is complete
 * for it: its engine type is registered (a module path such as {@code canopsis.engines.cleaner} stands for its
 * module's type), the tasks its {@code [engine:]} section names are registered, and the parameters its type
 * requires are set. Otherwise it runs the original Canopsis {@code engine-launcher}, with the same arguments, as a
 * child process when that command is found as supervisord would find it ({@link CommandSearch}); otherwise it is
 * an error naming what is missing. {@code implementation = java} or {@code original} forces either way.
 */
public final class ExecutionPlanner {

    /** How a gap says that no Java code exists for it (a ported engine lacking parameters gets a warning). */
    private static final String NO_JAVA = "has no Java implementation";

    private final TaskRegistry registry;
    private final CommandSearch search;

    public ExecutionPlanner(TaskRegistry registry, CommandSearch search) {
        this.registry = registry;
        this.search = search;
    }

    /** {@code configuration} with each program's way decided and what deciding found added to its problems. */
    public Configuration plan(Configuration configuration) {
        List<Problem> problems = new ArrayList<>(configuration.problems());
        List<GroupConfig> groups = new ArrayList<>();
        for (GroupConfig g : configuration.groups()) {
            List<ProgramConfig> programs = g.programs().stream()
                    .map(p -> program(p, configuration.engines(), problems)).toList();
            groups.add(new GroupConfig(g.name(), g.priority(), programs, g.source()));
        }
        return new Configuration(configuration.mainFile(), configuration.supervisord(), List.copyOf(groups),
                configuration.engines(), configuration.amqp(), List.copyOf(problems));
    }

    private ProgramConfig program(ProgramConfig program, Map<String, EngineConfig> engines, List<Problem> problems) {
        ProcessConfig first = program.processes().isEmpty() ? null : program.processes().get(0);
        LaunchSpec launch = first == null ? null : first.launch();
        if (launch == null) return program;
        EngineConfig engine = engines.get(launch.engineName());
        List<String> gaps = gaps(launch, engine);
        String command = launch.command().get(0);
        Optional<Path> original = search.find(command, first.environment());
        Source at = first.source();
        String name = "program " + program.name();
        switch (program.implementation()) {
            case ORIGINAL -> {
                if (original.isPresent()) {
                    return runOriginal(program, original.get(), Implementation.KEY + "=original");
                }
                problems.add(error(at, name + " has " + Implementation.KEY + "=original, but " + notFound(command)));
                return program;
            }
            case JAVA -> {
                if (!gaps.isEmpty()) {
                    problems.add(error(at, name + " has " + Implementation.KEY + "=java, but " + String.join("; ", gaps)
                            + " (expected a registered engine type and tasks, and the parameters it needs)"));
                    return program;
                }
                advise(launch, engine, problems);
                return runJava(program, launch, Implementation.KEY + "=java");
            }
            default -> {
                if (gaps.isEmpty()) {
                    advise(launch, engine, problems);
                    return runJava(program, launch, null);
                }
                if (original.isEmpty()) {
                    problems.add(error(at, name + " cannot run: " + String.join("; ", gaps) + ", and "
                            + notFound(command) + " (expected a Java implementation, or the original launcher)"));
                    return program;
                }
                boolean ported = gaps.stream().noneMatch(g -> g.contains(NO_JAVA));
                String why = String.join("; ", gaps);
                problems.add(new Problem(ported ? Problem.Severity.WARNING : Problem.Severity.NOTE, at, name
                        + " runs the original " + original.get() + " as a child process: " + why));
                return runOriginal(program, original.get(), why);
            }
        }
    }

    /** What keeps {@code launch} from running in Java here, one clause each; empty when nothing does. */
    private List<String> gaps(LaunchSpec launch, EngineConfig engine) {
        List<String> gaps = new ArrayList<>();
        Optional<EngineType> type;
        try {
            type = registry.engineType(launch.engineType());
        } catch (IllegalArgumentException e) {
            gaps.add(e.getMessage());
            return gaps;
        }
        if (type.isEmpty()) {
            gaps.add("engine type '" + launch.engineType() + "' " + NO_JAVA + " ("
                    + nearest(ModulePath.engineType(launch.engineType()).orElse(launch.engineType()),
                    registry.engineTypeNames()) + ")");
            return gaps;
        }
        if (engine == null) return gaps;
        String section = "[engine:" + engine.name() + "]";
        if (engine.eventProcessing() != null && !found(() -> registry.eventTask(engine.eventProcessing()))) {
            gaps.add("the event task '" + engine.eventProcessing() + "' of " + section + " " + NO_JAVA + " ("
                    + nearest(engine.eventProcessing(), registry.eventTaskNames()) + ")");
        }
        if (engine.beatProcessing() != null && !found(() -> registry.beatTask(engine.beatProcessing()))) {
            gaps.add("the beat task '" + engine.beatProcessing() + "' of " + section + " " + NO_JAVA + " ("
                    + nearest(engine.beatProcessing(), registry.beatTaskNames()) + ")");
        }
        type.get().requiredParameters().forEach((key, what) -> {
            if (!engine.params().containsKey(key)) {
                gaps.add(section + " has no '" + key + "', which engine type " + launch.engineType() + " needs: "
                        + what);
            }
        });
        return gaps;
    }

    /**
     * Whether {@code lookup} finds its task. A task whose library could not be loaded counts as found: its program
     * runs in Java and fails at its start saying why, so that the other programs run (a warning says so, {@link #advise}).
     */
    private static boolean found(Supplier<Optional<?>> lookup) {
        try {
            return lookup.get().isPresent();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A warning for each task of the engine whose library could not be loaded, and each advised parameter it lacks. */
    private void advise(LaunchSpec launch, EngineConfig engine, List<Problem> problems) {
        EngineType type = registry.engineType(launch.engineType()).orElseThrow();
        if (engine == null) return;
        unusable(engine, "event_processing", engine.eventProcessing(), registry::eventTask, problems);
        unusable(engine, "beat_processing", engine.beatProcessing(), registry::beatTask, problems);
        type.advisedParameters().forEach((key, then) -> {
            if (!engine.params().containsKey(key)) {
                problems.add(new Problem(Problem.Severity.WARNING, engine.sourceOf(key), "[engine:" + engine.name()
                        + "] has no '" + key + "': " + then));
            }
        });
    }

    private static void unusable(EngineConfig engine, String key, String task, Function<String, Optional<?>> lookup,
                                 List<Problem> problems) {
        if (task == null) return;
        try {
            lookup.apply(task);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Problem.Severity.WARNING, engine.sourceOf(key), e.getMessage() + "; engine "
                    + engine.name() + " will fail at its start (FATAL), the other engines run"));
        }
    }

    private ProgramConfig runJava(ProgramConfig program, LaunchSpec launch, String forced) {
        String type = launch.engineType();
        String resolved = registry.engineTypeNames().contains(type) ? type
                : ModulePath.engineType(type).filter(registry.engineTypeNames()::contains).orElse(type);
        String what = "the Java engine type " + resolved + (resolved.equals(type) ? "" : " (for " + type + ")");
        String because = forced == null ? "" : forced + ": ";
        return replace(program, p -> p.execution() instanceof Execution.IsolatedJvm
                ? p.withExecution(new Execution.IsolatedJvm(p.launch(), because + what + ", in its own JVM"
                        + " (isolation=process)"))
                : p.withExecution(new Execution.Thread(p.launch(), because + what + ", on a worker thread")));
    }

    private static ProgramConfig runOriginal(ProgramConfig program, Path launcher, String why) {
        return replace(program, p -> p.withExecution(new Execution.Child(p.launch().command(),
                why + ": the original " + launcher + " as a child process")));
    }

    private static ProgramConfig replace(ProgramConfig program, Function<ProcessConfig, ProcessConfig> how) {
        return program.withProcesses(program.processes().stream().map(how).toList());
    }

    private static String nearest(String name, Collection<String> known) {
        List<String> nearest = NearestNames.nearest(name, known);
        return nearest.isEmpty() ? "none is near" : "nearest: " + String.join(", ", nearest);
    }

    private static String notFound(String command) {
        return "'" + command + "' is not found" + (command.contains("/") ? "" : " on PATH") + " (the original Canopsis"
                + " engine-launcher runs the engines without a Java implementation)";
    }

    private static Problem error(Source at, String message) {
        return new Problem(Problem.Severity.ERROR, at, message);
    }
}
