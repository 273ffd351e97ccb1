package dev.orchestrator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code orchestrator}: the supervisorctl of this project, plus the daemon, the engine launcher and the tools.
 * supervisorctl's global options come before the subcommand; with no subcommand, its interactive shell opens.
 * A control command ({@link ControlCommands}) runs on a lean path without picocli, so that it starts in a fraction
 * of supervisorctl's time; the tools go through picocli ({@link RootCommand}).
 */
public final class Main {

    private static final int INVALID_ARGS = 2;

    private Main() {}

    public static void main(String[] args) {
        // log4j's own hook would stop logging while the daemon's exit guard still reports why the JVM ends
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        System.exit(execute(args, new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                out, err));
    }

    /** {@code orchestrator ARGS} with nothing on standard input, printing to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, new BufferedReader(Reader.nullReader()), out, err);
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
        return run(globals, in, out, err);
    }

    /** Runs the command of {@code globals}, its global options handed to the subcommand; {@code in} is for fg. */
    static int run(GlobalOptions globals, BufferedReader in, PrintWriter out, PrintWriter err) {
        String name = globals.command().get(0);
        ControlCommands.Entry control = ControlCommands.find(name);
        if (control != null) {
            List<String> args = List.of(globals.argumentsForControlCommand());
            return ControlCommands.run(control, args.subList(1, args.size()), in, out, err);
        }
        String[] args = globals.command().toArray(String[]::new);
        CommandLine cli = RootCommand.commandLine(args).setOut(out).setErr(err);
        CommandLine sub = cli.getSubcommands().get(name);
        if (sub != null && RootCommand.toolClass(name) != null) {
            try {
                args = globals.argumentsFor(option -> sub.getCommandSpec().findOption(option) != null);
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
        List<String> names = new ArrayList<>();
        ControlCommands.ALL.forEach(e -> names.add(e.syntax().name()));
        RootCommand.TOOLS.forEach(t -> names.add(t.getAnnotation(CommandLine.Command.class).name()));
        return names;
    }

    /** Prints the usage of subcommand {@code name}; false when there is none. */
    static boolean printUsage(String name, PrintWriter out) {
        ControlCommands.Entry control = ControlCommands.find(name);
        Class<?> tool = RootCommand.toolClass(name);
        if (control != null) control.syntax().printUsage(out);
        else if (tool != null) new CommandLine(tool).usage(out);
        out.flush();
        return control != null || tool != null;
    }
}
