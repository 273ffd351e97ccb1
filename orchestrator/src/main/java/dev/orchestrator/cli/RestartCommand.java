package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code restart NAME...|--all}: stop, then start (supervisorctl {@code restart}); it does not re-read the
 * configuration (see {@code update}).
 */
@Command(name = "restart", description = {"Stop, then start processes.",
        "The configuration is not re-read: see reread and update."})
final class RestartCommand extends ProcessCommand {

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        apply(client, ProcessAction.STOP, true);
        apply(client, ProcessAction.START, true);
        printJson();
    }
}
