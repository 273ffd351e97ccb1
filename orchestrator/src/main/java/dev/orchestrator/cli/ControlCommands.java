package dev.orchestrator.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;

/**
 * The commands that talk to the daemon, by name, and how one is run: parsed by {@link ControlArgs} against its
 * {@link CommandSyntax}, without picocli, so that {@code orchestrator status} loads little more than the socket
 * client (docs/control.md, Start-up time).
 */
final class ControlCommands {

    /**
     * A control command: its syntax and its class, whose no-argument constructor makes a fresh instance per run (a
     * constructor reference per command would cost every command's start-up the linking of 23 lambdas, ~5 ms).
     */
    record Entry(CommandSyntax syntax, Class<? extends ControlCommand> type) {
        ControlCommand create() {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("control command " + type.getName() + " cannot be made", e);
            }
        }
    }

    /** In the order of {@code orchestrator --help}. */
    static final List<Entry> ALL = List.of(
            new Entry(StatusCommand.SYNTAX, StatusCommand.class),
            new Entry(StartCommand.SYNTAX, StartCommand.class),
            new Entry(StopCommand.SYNTAX, StopCommand.class),
            new Entry(RestartCommand.SYNTAX, RestartCommand.class),
            new Entry(TailCommand.SYNTAX, TailCommand.class),
            new Entry(PidCommand.SYNTAX, PidCommand.class),
            new Entry(RereadCommand.SYNTAX, RereadCommand.class),
            new Entry(UpdateCommand.SYNTAX, UpdateCommand.class),
            new Entry(ReloadCommand.SYNTAX, ReloadCommand.class),
            new Entry(ShutdownCommand.SYNTAX, ShutdownCommand.class),
            new Entry(AvailCommand.SYNTAX, AvailCommand.class),
            new Entry(ClearCommand.SYNTAX, ClearCommand.class),
            new Entry(MaintailCommand.SYNTAX, MaintailCommand.class),
            new Entry(SignalCommand.SYNTAX, SignalCommand.class),
            new Entry(GroupChangeCommand.ADD, GroupChangeCommand.Add.class),
            new Entry(GroupChangeCommand.REMOVE, GroupChangeCommand.Remove.class),
            new Entry(FgCommand.SYNTAX, FgCommand.class),
            new Entry(WildcardsCommand.MSTART, WildcardsCommand.MStart.class),
            new Entry(WildcardsCommand.MSTOP, WildcardsCommand.MStop.class),
            new Entry(WildcardsCommand.MRESTART, WildcardsCommand.MRestart.class),
            new Entry(QueuesCommand.SYNTAX, QueuesCommand.class),
            new Entry(ErrorsCommand.SYNTAX, ErrorsCommand.class),
            new Entry(VersionCommand.SYNTAX, VersionCommand.class));

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
        return entry.create().execute(entry.syntax(), parsed, in, out, err);
    }
}
