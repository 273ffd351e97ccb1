package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;

/** {@code clear NAME...|all}: empties processes' log files. */
final class ClearCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("clear")
            .describedAs("Empty the log files of processes (all: every one).")
            .withOperands("NAME", "Process names, group:*, or all.");

    @Override
    String usageError() {
        return names().isEmpty() ? "clear requires a process name" : null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of("clear", names()), reply -> report(reply.item()));
    }

    private void report(Outcome o) {
        if (o.succeeded()) {
            out(o.name() + ": cleared");
            return;
        }
        out(o.name() + ": ERROR (" + (o.fault().equals("BAD_NAME") ? o.message() : "failed") + ")");
        fail(GENERIC);
    }
}
