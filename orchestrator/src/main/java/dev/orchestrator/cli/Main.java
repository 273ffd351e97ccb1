package dev.orchestrator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator}: the supervisorctl of this project, plus the daemon, the engine launcher and the tools.
 * Each subcommand is its own class; add it to {@code subcommands}. supervisorctl's global options come before the
 * subcommand; with no subcommand, its interactive shell opens.
 */
@Command(name = "orchestrator", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a Canopsis-style AMQP engine pipeline in one JVM, supervisord-style.",
        subcommands = {CommandLine.HelpCommand.class,
                StatusCommand.class, StartCommand.class, StopCommand.class, RestartCommand.class, TailCommand.class,
                PidCommand.class, RereadCommand.class, UpdateCommand.class, ReloadCommand.class, ShutdownCommand.class,
                AvailCommand.class, ClearCommand.class, MaintailCommand.class, QueuesCommand.class, ErrorsCommand.class,
                VersionCommand.class, CheckCommand.class,
                LaunchCommand.class, TasksCommand.class, FeedCommand.class, DaemonCommand.class})
public final class Main implements Runnable {

    private static final int INVALID_ARGS = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        System.exit(execute(args, new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                out, err));
    }

    /**
     * {@code orchestrator ARGS} as supervisorctl takes them: global options ({@link GlobalOptions}), then a command;
     * no command opens the interactive {@link Shell} reading {@code in}.
     */
    static int execute(String[] args, BufferedReader in, PrintWriter out, PrintWriter err) {
        GlobalOptions globals;
        try {
            globals = GlobalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return INVALID_ARGS;
        }
        if (globals.shell()) return new Shell(globals, in, out, err).run();
        return run(globals, out, err);
    }

    /** Runs the command of {@code globals}, its global options handed to the subcommand. */
    static int run(GlobalOptions globals, PrintWriter out, PrintWriter err) {
        String[] args = globals.command().toArray(String[]::new);
        CommandLine cli = commandLine(args).setOut(out).setErr(err);
        CommandLine sub = cli.getSubcommands().get(args[0]);
        if (sub != null && commandClass(args[0]) != null) {
            try {
                args = globals.argumentsFor(sub.getCommandSpec());
            } catch (IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                err.flush();
                return INVALID_ARGS;
            }
        }
        return cli.execute(args);
    }

    /** The names of the subcommands (without picocli's {@code help}). */
    static List<String> commandNames() {
        return Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
                .filter(c -> c != CommandLine.HelpCommand.class)
                .map(c -> c.getAnnotation(Command.class).name()).toList();
    }

    /** The class of subcommand {@code name}, or null. */
    static Class<?> commandClass(String name) {
        for (Class<?> sub : Main.class.getAnnotation(Command.class).subcommands()) {
            if (sub != CommandLine.HelpCommand.class && sub.getAnnotation(Command.class).name().equals(name)) {
                return sub;
            }
        }
        return null;
    }

    /**
     * The command line for {@code args}. When the first argument names a subcommand, only that subcommand is
     * modelled (under a bare {@code orchestrator} root): picocli's model of every subcommand costs more than a whole
     * {@code orchestrator status} should. Anything else (options, help, an unknown name) gets the full model.
     */
    static CommandLine commandLine(String... args) {
        Class<?> sub = args.length > 0 ? commandClass(args[0]) : null;
        if (sub != null) {
            CommandSpec root = CommandSpec.create().name(Main.class.getAnnotation(Command.class).name());
            return new CommandLine(root).addSubcommand(new CommandLine(sub));
        }
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
