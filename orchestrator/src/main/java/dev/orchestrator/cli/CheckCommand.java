package dev.orchestrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrator.cli.check.CheckReport;
import dev.orchestrator.cli.check.CheckReportText;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.Source;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.plan.CommandSearch;
import dev.orchestrator.plan.ExecutionPlanner;
import dev.orchestrator.api.TaskRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator check}: reads the whole configuration, decides which way each program runs (a thread, the
 * original engine-launcher as a child process, or cannot run: {@link ExecutionPlanner}) against the registry
 * (built-ins and plugins), and prints the plan with every note, warning and error. Exit 2 with errors, else 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read and validate the whole configuration, print the plan and every problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid (notes and warnings may be printed)",
                "2:the configuration has errors", "1:the check itself failed"})
public final class CheckCommand implements Callable<Integer> {

    static final int ERRORS = 2;
    static final int FAILED = 1;

    @Mixin
    ConfigOption config;

    @Mixin
    PluginsOption plugins;

    @Option(names = "--json", description = "Print the plan and the problems as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Null: the registry discovered from the classpath and the plugins directory ({@code --plugins}). */
    private final Supplier<TaskRegistry> registry;

    public CheckCommand() {
        this(null);
    }

    /** Checks against {@code registry} instead of discovering one. */
    CheckCommand(Supplier<TaskRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            TaskRegistry tasks = registry != null ? registry.get() : plugins.discover();
            Configuration configuration = new ExecutionPlanner(tasks, CommandSearch.ofThisProcess()).plan(config.load());
            List<Problem> problems = new ArrayList<>(configuration.problems());
            if (tasks instanceof DefaultTaskRegistry discovered) {
                Source dir = new Source(plugins.directory(), 0, null, null);
                discovered.allWarnings().forEach(p -> problems.add(new Problem(Problem.Severity.WARNING, dir, p)));
            }
            CheckReport report = CheckReport.of(configuration, problems,
                    (engine, type) -> tasks.engineType(type).map(t -> engine.withDefaultBinding(t.defaultBinding()))
                            .orElse(engine));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report));
                out.flush();
            } else {
                CheckReportText.print(report, out);
            }
            return report.errors().isEmpty() ? 0 : ERRORS;
        } catch (JsonProcessingException | RuntimeException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("orchestrator check: " + oneLine(e));
            err.flush();
            return FAILED;
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
