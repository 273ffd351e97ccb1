package dev.orchestrator.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The commands that talk to the daemon, by name, and how one is run: parsed by {@link ControlArgs} against its
 * {@link CommandSyntax}, without picocli, so that {@code orchestrator status} loads little more than the socket
 * client (docs/control.md, Start-up time).
 */
final class ControlCommands {

    /** A control command: its syntax and a fresh instance per run. */
    record Entry(CommandSyntax syntax, Supplier<ControlCommand> command) { }

    /** In the order of {@code orchestrator --help}. */
    static final List<Entry> ALL = List.of(
            new Entry(StatusCommand.SYNTAX, StatusCommand::new),
            new Entry(StartCommand.SYNTAX, StartCommand::new),
            new Entry(StopCommand.SYNTAX, StopCommand::new),
            new Entry(RestartCommand.SYNTAX, RestartCommand::new),
            new Entry(TailCommand.SYNTAX, TailCommand::new),
            new Entry(PidCommand.SYNTAX, PidCommand::new),
            new Entry(RereadCommand.SYNTAX, RereadCommand::new),
            new Entry(UpdateCommand.SYNTAX, UpdateCommand::new),
            new Entry(ReloadCommand.SYNTAX, ReloadCommand::new),
            new Entry(ShutdownCommand.SYNTAX, ShutdownCommand::new),
            new Entry(AvailCommand.SYNTAX, AvailCommand::new),
            new Entry(ClearCommand.SYNTAX, ClearCommand::new),
            new Entry(MaintailCommand.SYNTAX, MaintailCommand::new),
            new Entry(SignalCommand.SYNTAX, SignalCommand::new),
            new Entry(GroupChangeCommand.ADD, GroupChangeCommand::add),
            new Entry(GroupChangeCommand.REMOVE, GroupChangeCommand::remove),
            new Entry(FgCommand.SYNTAX, FgCommand::new),
            new Entry(WildcardsCommand.MSTART, WildcardsCommand::mstart),
            new Entry(WildcardsCommand.MSTOP, WildcardsCommand::mstop),
            new Entry(WildcardsCommand.MRESTART, WildcardsCommand::mrestart),
            new Entry(QueuesCommand.SYNTAX, QueuesCommand::new),
            new Entry(ErrorsCommand.SYNTAX, ErrorsCommand::new),
            new Entry(VersionCommand.SYNTAX, VersionCommand::new));

    private ControlCommands() {}

    /** The control command called {@code name}, or null. */
    static Entry find(String name) {
        for (Entry e : ALL) if (e.syntax().name().equals(name)) return e;
        return null;
    }

    /** Runs the command with {@code args} (those after its name); its exit status. A bad option is exit 2. */
    static int run(Entry entry, List<String> args, BufferedReader in, PrintWriter out, PrintWriter err) {
        ControlArgs parsed;
        try {
            parsed = ControlArgs.parse(entry.syntax(), args);
        } catch (ControlArgs.UsageException e) {
            err.println(e.getMessage());
            entry.syntax().printUsage(err);
            return ControlCommand.INVALID_ARGS;
        }
        return entry.command().get().execute(entry.syntax(), parsed, in, out, err);
    }
}
