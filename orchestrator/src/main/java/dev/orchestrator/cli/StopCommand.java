package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code stop NAME...|--all}: stops processes and waits until they are stopped (supervisorctl {@code stop}). */
@Command(name = "stop", description = "Stop processes and wait until they are stopped.")
final class StopCommand extends ProcessCommand {

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        apply(client, ProcessAction.STOP, true);
        printJson();
    }
}
