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
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
