package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code start NAME...|--all}: starts processes and waits until they are RUNNING (supervisorctl {@code start}). */
final class StartCommand extends ProcessCommand {

    static final CommandSyntax SYNTAX = syntax("start",
            new CommandSyntax.Flag(List.of("-d", "--daemon"), null, "Start the daemon first if it is not running."),
            CommandSyntax.Flag.of("--no-wait", "Return once the processes are spawned, without waiting for RUNNING."))
            .describedAs("Start processes and wait until they are RUNNING.",
                    "With -d, first start the daemon in the background if none answers;"
                            + " -d alone starts only the daemon.",
                    "A process that does not reach RUNNING is reported (spawn error, exit 7).");

    @Override
    int usageExitStatus() { return INVALID_ARGS; }

    /** {@code start -d} alone starts the daemon only, as {@code supervisord -c FILE} does. */
    @Override
    String usageError() {
        return daemonOnly() ? null : super.usageError();
    }

    private boolean daemonOnly() {
        return args.flag("--daemon") && names().isEmpty() && !args.flag("--all");
    }

    @Override
    ControlClient connect(Path socket) throws Unreachable {
        if (args.flag("--daemon")) new DaemonLauncher(control, this::err).ensureRunning(socket);
        return super.connect(socket);
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        if (daemonOnly()) return;
        apply(client, ProcessAction.START, !args.flag("--no-wait"));
        printJson();
    }
}
