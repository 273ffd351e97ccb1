package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import java.io.IOException;

/** {@code stop NAME...|--all}: stops processes and waits until they are stopped (supervisorctl {@code stop}). */
final class StopCommand extends ProcessCommand {

    static final CommandSyntax SYNTAX = syntax("stop").describedAs("Stop processes and wait until they are stopped.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        apply(client, ProcessAction.STOP, true);
        printJson();
    }
}
