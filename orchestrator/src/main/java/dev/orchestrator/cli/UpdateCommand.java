package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;

/**
 * {@code update [GROUP...|all]}: re-reads the configuration and applies it: removed groups are stopped and removed,
 * changed ones updated, new ones added (and their autostart processes started).
 */
final class UpdateCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("update")
            .describedAs("Re-read the configuration and apply it to the named groups (default: all).",
                    "Removed groups are stopped and removed, changed ones updated, added ones started.")
            .withOperands("GROUP", "Groups to update, or all.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of("update", names()), reply -> report(reply.item()));
    }

    private void report(Outcome o) {
        if (o.succeeded()) {
            out(o.name() + ": " + o.message());
        } else if (o.fault().equals("BAD_NAME")) {
            out("ERROR: no such group: " + o.name());
            fail(GENERIC);
        } else {
            out(o.name() + ": ERROR (" + o.fault() + ": " + o.message() + ")");
            fail(GENERIC);
        }
    }

    @Override
    void remoteError(RemoteError e) {
        if ("SHUTDOWN_STATE".equals(e.fault())) out("ERROR: already shutting down");
        else super.remoteError(e);
    }
}
