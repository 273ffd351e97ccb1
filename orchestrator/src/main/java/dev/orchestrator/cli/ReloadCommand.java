package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;

/** {@code reload}: stops everything, re-reads the configuration and starts again ({@code Restarted supervisord}). */
final class ReloadCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("reload")
            .describedAs("Stop every process, re-read the configuration and start again.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of("reload"));
        out("Restarted supervisord");
    }

    @Override
    void remoteError(RemoteError e) {
        if ("SHUTDOWN_STATE".equals(e.fault())) out("ERROR: already shutting down");
        else super.remoteError(e);
    }
}
