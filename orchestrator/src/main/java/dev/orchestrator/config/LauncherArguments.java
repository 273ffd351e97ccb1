package dev.orchestrator.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The arguments of Canopsis' {@code engine-launcher}: {@code -e/--type TYPE -n/--name NAME -w/--procnum N
 * [-l/--loglevel LEVEL]}. The configuration reads them from {@code command=}; the {@code launch} command can use
 * this class as a picocli mixin. Python level names are mapped to log4j's (WARNING to WARN, CRITICAL to FATAL).
 */
@Command(name = "engine-launcher")
public final class LauncherArguments {

    /** The command name a program's {@code command=} must run. */
    public static final String COMMAND = "engine-launcher";

    private static final List<String> LEVELS = List.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE",
            "ALL");
    private static final Map<String, String> PYTHON_LEVELS = Map.of("WARNING", "WARN", "CRITICAL", "FATAL",
            "NOTSET", "ALL");

    @Option(names = {"-e", "--type"}, required = true, paramLabel = "TYPE",
            description = "Engine type: a registered type (dynamic, cleaner...) or a class name.")
    String type;

    @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME",
            description = "Engine name: selects [engine:NAME] and the queue Engine_NAME.")
    String name;

    @Option(names = {"-w", "--procnum"}, required = true, paramLabel = "N", description = "Worker number.")
    int procnum;

    @Option(names = {"-l", "--loglevel"}, paramLabel = "LEVEL", defaultValue = "INFO",
            description = "Log level (default: ${DEFAULT-VALUE}).")
    String loglevel;

    /** What these arguments select; the level is validated and upper-cased. */
    public LaunchSpec toLaunchSpec() throws IllegalArgumentException {
        String level = loglevel.strip().toUpperCase(Locale.ROOT);
        level = PYTHON_LEVELS.getOrDefault(level, level);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown log level '" + loglevel
                    + "' (expected debug, info, warning, error, critical, or a log4j level)");
        }
        return new LaunchSpec(type, name, procnum, level);
    }

    /** True when {@code command} runs {@code engine-launcher} (from any directory). */
    static boolean isLauncherLine(String command) throws InvalidValueException {
        List<String> words = CommandSplitter.split(command);
        return !words.isEmpty() && words.get(0).substring(words.get(0).lastIndexOf('/') + 1).equals(COMMAND);
    }

    /**
     * Reads a program's {@code command=}: it must run {@code engine-launcher} (any directory) with valid arguments.
     */
    static LaunchSpec parseCommand(String command) throws InvalidValueException {
        List<String> words = CommandSplitter.split(command);
        if (!isLauncherLine(command)) {
            throw new InvalidValueException("only engine-launcher commands are supported (expected "
                    + "'engine-launcher -e TYPE -n NAME -w N -l LEVEL', got " + PyFormat.repr(command) + ")");
        }
        LauncherArguments args = new LauncherArguments();
        try {
            new CommandLine(args).parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            LaunchSpec spec = args.toLaunchSpec();
            return new LaunchSpec(spec.engineType(), spec.engineName(), spec.worker(), spec.logLevel(), words);
        } catch (CommandLine.ParameterException e) {
            throw new InvalidValueException("bad engine-launcher arguments: " + e.getMessage()
                    + " (expected 'engine-launcher -e TYPE -n NAME -w N -l LEVEL')");
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("bad engine-launcher arguments: " + e.getMessage());
        }
    }
}
