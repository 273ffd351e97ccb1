package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code start NAME...|--all}: starts processes and waits until they are RUNNING (supervisorctl {@code start}). */
@Command(name = "start", description = {"Start processes and wait until they are RUNNING.",
        "With -d, first start the daemon in the background if none answers; -d alone starts only the daemon.",
        "A process that does not reach RUNNING is reported (spawn error, exit 7)."})
final class StartCommand extends ProcessCommand {

    @Option(names = {"-d", "--daemon"}, description = "Start the daemon first if it is not running.")
    boolean daemon;

    @Option(names = "--no-wait", description = "Return once the processes are spawned, without waiting for RUNNING.")
    boolean noWait;

    @Override
    int usageExitStatus() { return INVALID_ARGS; }

    /** {@code start -d} alone starts the daemon only, as {@code supervisord -c FILE} does. */
    @Override
    String usageError() {
        return daemon && names.isEmpty() && !all ? null : super.usageError();
    }

    @Override
    ControlClient connect(Path socket) throws Unreachable {
        if (daemon) new DaemonLauncher(control, this::err).ensureRunning(socket);
        return super.connect(socket);
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        if (names.isEmpty() && !all) return;
        apply(client, ProcessAction.START, !noWait);
        printJson();
    }
}
