package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import java.io.IOException;

/**
 * {@code restart NAME...|--all}: stop, then start (supervisorctl {@code restart}); it does not re-read the
 * configuration (see {@code update}).
 */
final class RestartCommand extends ProcessCommand {

    static final CommandSyntax SYNTAX = syntax("restart")
            .describedAs("Stop, then start processes.", "The configuration is not re-read: see reread and update.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        apply(client, ProcessAction.STOP, true);
        apply(client, ProcessAction.START, true);
        printJson();
    }
}
