package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.Wire;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import java.io.IOException;
import java.util.List;

/**
 * {@code fg NAME} (supervisorctl's {@code do_fg}, supervisor/supervisorctl.py): attaches to a RUNNING process's
 * output, {@code ==> Press Ctrl-C to exit <==} and then its stdout log as it grows, with supervisorctl's errors
 * ({@code ERROR: no process name supplied}, {@code too many process names supplied}, {@code bad process name
 * supplied}, {@code process not running}: exit 1). What is typed is not sent to the process (docs/control.md).
 */
final class FgCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("fg")
            .describedAs("Attach to a running process's output (Ctrl-C to exit).")
            .withOperands("NAME", "group:process, or a process name.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        List<String> names = names();
        if (names.size() != 1) {
            out(names.isEmpty() ? "ERROR: no process name supplied" : "ERROR: too many process names supplied");
            fail(GENERIC);
            return;
        }
        JsonNode result = client.call(Request.of("status", names));
        List<ProcessInfo> found = Wire.list(result.get("processes"), Wire::process);
        if (found.size() != 1) {
            out("ERROR: bad process name supplied");
            fail(GENERIC);
            return;
        }
        if (found.get(0).state() != ProcessState.RUNNING) {
            out("ERROR: process not running");
            fail(GENERIC);
            return;
        }
        streamLog(client, Request.tail(found.get(0).namespec(), "stdout", 0, true), true);
    }
}
