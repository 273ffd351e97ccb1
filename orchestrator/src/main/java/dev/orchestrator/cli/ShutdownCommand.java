package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code shutdown}: stops every process and the daemon. It prints {@code Shut down} once the daemon has closed its
 * socket and its JVM has exited (pidfile removed), so the next {@code start -d} finds none.
 */
final class ShutdownCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("shutdown")
            .describedAs("Stop every process and the daemon; returns once the daemon is gone.");

    private static final long EXIT_TIMEOUT_SECONDS = 30;

    @Override
    int unreachable(Unreachable e) {
        err("ERROR: " + e.getMessage() + " (already shut down?)");
        return GENERIC;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        long pid = client.call(Request.of("pid")).get("pid").asLong();
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
        if (ControlClient.answers(control.socketFile())) {
            out("ERROR: the daemon dropped the connection but did not shut down");
            fail(GENERIC);
            return;
        }
        awaitExit(pid);
        out("Shut down");
    }

    /** Waits (bounded) until the daemon's JVM has exited, so its pidfile is gone too; not when it is this JVM. */
    private static void awaitExit(long pid) {
        ProcessHandle.of(pid).filter(p -> p.pid() != ProcessHandle.current().pid()).ifPresent(p -> {
            try {
                p.onExit().get(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the socket is gone and the workers are stopped: what remains is the JVM's own exit
            }
        });
    }
}
