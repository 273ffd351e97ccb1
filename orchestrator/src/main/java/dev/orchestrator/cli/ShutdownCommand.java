package dev.orchestrator.cli;

import dev.orchestrator.control.ControlClient;
import dev.orchestrator.control.ControlClient.RemoteError;
import dev.orchestrator.control.ControlClient.Unreachable;
import dev.orchestrator.control.Request;
import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code shutdown}: stops every process and the daemon. It prints {@code Shut down} once the daemon has closed its
 * socket, so the next {@code start -d} finds none.
 */
@Command(name = "shutdown", description = "Stop every process and the daemon; returns once the daemon is gone.")
final class ShutdownCommand extends NoArgumentsCommand {

    @Override
    int unreachable(Unreachable e) {
        err("ERROR: " + e.getMessage() + " (already shut down?)");
        return GENERIC;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        try {
            client.call(Request.of("shutdown"));
        } catch (ControlClient.Disconnected gone) {
            // the daemon closed the socket while answering: it is down
        } catch (RemoteError e) {
            if (!"SHUTDOWN_STATE".equals(e.fault())) throw e;
            out("ERROR: already shutting down");
            return;
        }
        client.awaitDisconnect();
        out("Shut down");
    }
}
