package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code reload}: stops everything, re-reads the configuration and starts again ({@code Restarted supervisord}). */
@Command(name = "reload", description = "Stop every process, re-read the configuration and start again.")
final class ReloadCommand extends NoArgumentsCommand {

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
