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

/** {@code clear NAME...|all}: empties processes' log files. */
@Command(name = "clear", description = "Empty the log files of processes (all: every one).")
final class ClearCommand extends ControlCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Process names, group:*, or all.")
    List<String> names = new ArrayList<>();

    @Override
    String usageError() {
        return names.isEmpty() ? "clear requires a process name" : null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of("clear", names), reply -> report(reply.item()));
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
