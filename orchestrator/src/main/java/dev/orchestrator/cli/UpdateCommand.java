package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code update [GROUP...|all]}: re-reads the configuration and applies it: removed groups are stopped and removed,
 * changed ones updated, new ones added (and their autostart processes started).
 */
@Command(name = "update", description = {"Re-read the configuration and apply it to the named groups (default: all).",
        "Removed groups are stopped and removed, changed ones updated, added ones started."})
final class UpdateCommand extends ControlCommand {

    @Parameters(paramLabel = "GROUP", arity = "0..*", description = "Groups to update, or all.")
    List<String> groups = new ArrayList<>();

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of("update", groups), reply -> report(reply.item()));
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
