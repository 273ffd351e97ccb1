package dev.orchestrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator}: the supervisorctl of this project, plus the daemon, the engine launcher and the tools.
 * Each subcommand is its own class; add it to {@code subcommands}.
 */
@Command(name = "orchestrator", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a Canopsis-style AMQP engine pipeline in one JVM, supervisord-style.",
        subcommands = {CommandLine.HelpCommand.class,
                StatusCommand.class, StartCommand.class, StopCommand.class, RestartCommand.class, TailCommand.class,
                PidCommand.class, RereadCommand.class, UpdateCommand.class, ReloadCommand.class, ShutdownCommand.class,
                AvailCommand.class, ClearCommand.class, VersionCommand.class, CheckCommand.class,
                LaunchCommand.class, TasksCommand.class, FeedCommand.class, DaemonCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line for {@code args}. When the first argument names a subcommand, only that subcommand is
     * modelled (under a bare {@code orchestrator} root): picocli's model of every subcommand costs more than a whole
     * {@code orchestrator status} should. Anything else (options, help, an unknown name) gets the full model.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> sub : Main.class.getAnnotation(Command.class).subcommands()) {
                Command command = sub.getAnnotation(Command.class);
                if (sub != CommandLine.HelpCommand.class && command.name().equals(args[0])) {
                    CommandSpec root = CommandSpec.create().name(Main.class.getAnnotation(Command.class).name());
                    return new CommandLine(root).addSubcommand(new CommandLine(sub));
                }
            }
        }
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
