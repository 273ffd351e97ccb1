package dev.orchestrator.cli.check;

import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.LogSpec;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.ProgramConfig;
import dev.orchestrator.config.SupervisordSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What {@code orchestrator check} prints: the plan (groups, programs, their engine and topology, processes) and
 * every problem, by severity. One model for the text and the JSON output.
 */
public record CheckReport(
        String configuration,
        Broker broker,
        Daemon daemon,
        List<Group> groups,
        List<Engine> unusedEngines,
        List<Finding> notes,
        List<Finding> warnings,
        List<Finding> errors) {

    public record Broker(boolean embedded, String uri, String exchange) {}

    public record Daemon(String logfile, long logfileMaxBytes, int logfileBackups, String loglevel, String pidfile,
                         String socket, String childLogDir, String directory) {}

    public record Group(String name, int priority, List<Program> programs) {}

    /**
     * One program; {@code runsAs} is {@code thread}, {@code jvm} (a Java engine in its own JVM), {@code process} (a
     * command as a child process, such as the original engine-launcher) or {@code cannot run} (its section has
     * errors), and {@code reason} says why.
     */
    public record Program(String name, int priority, String runsAs, String reason, Engine engine,
                          List<Process> processes) {}

    public record Engine(String name, String type, String queue, List<Binding> bindings, List<String> next,
                         boolean nextBalanced, String eventProcessing, String beatProcessing, int beatInterval,
                         int prefetch, int maxRetries, String queueType, Map<String, Object> queueArguments,
                         Map<String, String> params) {}

    public record Binding(String exchange, String routingKey) {}

    public record Process(String name, String namespec, Integer worker, String logLevel, boolean autostart,
                          String autorestart, Set<Integer> exitcodes, int startsecs, int startretries,
                          int stopwaitsecs, Log stdoutLog, Log stderrLog) {}

    public record Log(String path, boolean auto, long maxBytes, int backups) {}

    public record Finding(String file, int line, String section, String key, String message, String text) {}

    /**
     * The report of {@code configuration}, with the problems to show (the configuration's and any further ones);
     * {@code section} gives an engine's section as its type (-e) runs it ({@link dev.orchestrator.api.EngineType#section}).
     */
    public static CheckReport of(Configuration configuration, List<Problem> problems,
                                 BiFunction<EngineConfig, String, EngineConfig> section) {
        Map<String, EngineConfig> engines = configuration.engines();
        Set<String> failing = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                .map(p -> p.source().section()).filter(Objects::nonNull).collect(Collectors.toSet());
        List<Group> groups = configuration.groups().stream().map(g -> group(g, engines, failing, section)).toList();
        Set<String> used = groups.stream().flatMap(g -> g.programs().stream()).map(Program::engine)
                .filter(Objects::nonNull).map(Engine::name).collect(Collectors.toSet());
        List<Engine> unused = engines.values().stream().filter(e -> !used.contains(e.name()))
                .sorted(java.util.Comparator.comparing(EngineConfig::name)).map(e -> engine(e, null)).toList();
        return new CheckReport(configuration.mainFile().toString(), broker(configuration.amqp()),
                daemon(configuration.supervisord()), groups, unused,
                findings(problems, Problem.Severity.NOTE), findings(problems, Problem.Severity.WARNING),
                findings(problems, Problem.Severity.ERROR));
    }

    /** {@link Program#runsAs} of a program whose section has errors. */
    public static final String CANNOT_RUN = "cannot run";

    /** How many programs run each way ({@link Program#runsAs}). */
    public Map<String, Long> programsByWay() {
        return groups.stream().flatMap(g -> g.programs().stream())
                .collect(Collectors.groupingBy(Program::runsAs, java.util.TreeMap::new, Collectors.counting()));
    }

    public int processCount() {
        return groups.stream().flatMap(g -> g.programs().stream()).mapToInt(p -> p.processes().size()).sum();
    }

    public int programCount() {
        return groups.stream().mapToInt(g -> g.programs().size()).sum();
    }

    private static Broker broker(AmqpSettings amqp) {
        AmqpSettings a = amqp == null ? AmqpSettings.EMBEDDED : amqp;
        return new Broker(a.embedded(), a.embedded() ? null : withoutPassword(a.uri()), a.exchangeName());
    }

    /** The URI with its password replaced by {@code ****}. */
    static String withoutPassword(String uri) {
        return uri.replaceFirst("^(amqps?://[^:@/]*:)[^@/]*@", "$1****@");
    }

    private static Daemon daemon(SupervisordSettings s) {
        return new Daemon(string(s.logfile()), s.logfileMaxBytes(), s.logfileBackups(), s.loglevel(),
                string(s.pidfile()), string(s.socketFile()), string(s.childLogDir()), string(s.directory()));
    }

    private static Group group(GroupConfig g, Map<String, EngineConfig> engines, Set<String> failing,
                               BiFunction<EngineConfig, String, EngineConfig> section) {
        return new Group(g.name(), g.priority(), g.programs().stream().map(p -> program(p, engines, failing, section))
                .toList());
    }

    private static Program program(ProgramConfig p, Map<String, EngineConfig> engines, Set<String> failing,
                                   BiFunction<EngineConfig, String, EngineConfig> section) {
        Engine engine = p.processes().stream().filter(pc -> pc.launch() != null).findFirst()
                .map(pc -> engines.get(pc.launch().engineName()) == null ? null
                        : engine(section.apply(engines.get(pc.launch().engineName()), pc.launch().engineType()),
                                pc.launch().engineType()))
                .orElse(null);
        Execution execution = p.processes().isEmpty() ? null : p.processes().get(0).execution();
        boolean fails = failing.contains("program:" + p.name()) || execution == null;
        String runsAs = fails ? CANNOT_RUN : execution instanceof Execution.Thread ? "thread"
                : execution instanceof Execution.IsolatedJvm ? "jvm" : "process";
        String reason = fails ? "see the errors of [program:" + p.name() + "]" : execution.reason();
        return new Program(p.name(), p.priority(), runsAs, reason, engine,
                p.processes().stream().map(CheckReport::process).toList());
    }

    private static Engine engine(EngineConfig e, String type) {
        return new Engine(e.name(), type, e.queue(),
                e.bindings().stream().map(b -> new Binding(b.getKey(), b.getValue())).toList(),
                e.next().stream().map(EngineConfig::queueOf).toList(), e.nextBalanced(), e.eventProcessing(),
                e.beatProcessing(), e.beatInterval(), e.prefetch(), e.maxRetries(), e.queueType().key(), e.queueArguments(),
                e.params());
    }

    private static Process process(ProcessConfig p) {
        return new Process(p.name(), p.namespec(), p.launch() == null ? null : p.launch().worker(),
                p.launch() == null ? null : p.launch().logLevel(), p.autostart(),
                p.autorestart().name().toLowerCase(java.util.Locale.ROOT), p.exitcodes(), p.startsecs(),
                p.startretries(), p.stopwaitsecs(), log(p.stdoutLog()), log(p.stderrLog()));
    }

    private static Log log(LogSpec l) {
        return l == null || l.isNone() ? null : new Log(l.path().toString(), l.auto(), l.maxBytes(), l.backups());
    }

    private static List<Finding> findings(List<Problem> problems, Problem.Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity)
                .map(p -> new Finding(string(p.source().file()), p.source().line(), p.source().section(),
                        p.source().key(), p.message(), p.toString()))
                .toList();
    }

    private static String string(Path path) {
        return path == null ? null : path.toString();
    }
}
