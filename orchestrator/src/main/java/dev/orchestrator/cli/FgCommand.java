package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.ProcessRow;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.Wire;
import dev.orchestrator.supervision.ProcessState;
import java.io.IOException;
import java.util.List;

/**
 * {@code fg NAME} (supervisorctl's {@code do_fg}, supervisor/supervisorctl.py): attaches to a RUNNING process,
 * {@code ==> Press Ctrl-C to exit <==}, then its stdout log as it grows (on a second connection, from a thread of
 * its own) while each line read from standard input goes to the process's standard input (the daemon's
 * {@code stdin}, supervisord's {@code sendProcessStdin}); with supervisorctl's errors ({@code ERROR: no process name
 * supplied}, {@code too many process names supplied}, {@code bad process name supplied}, {@code process not
 * running}: exit 1) and its ends: {@code Process got killed} when the process stops, a refused line's error, then
 * {@code Exiting foreground}, as at the end of the input.
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
        List<ProcessRow> found = rows(client, names);
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
        String namespec = found.get(0).namespec();
        out("==> Press Ctrl-C to exit <==");
        try (ControlClient follow = connect(control.socketFile())) {
            Thread output = new Thread(() -> {
                try {
                    follow.call(Request.tail(namespec, "stdout", 0, true), reply -> print(reply.data()));
                } catch (IOException | RemoteError e) {
                    // the input ended and closed the connection, or the daemon went: nothing more to show
                }
            }, "fg-output");
            output.setDaemon(true);
            output.start();
            forwardInput(client, namespec);
        } catch (ControlClient.Unreachable e) {
            fail(unreachable(e));
        }
        out("Exiting foreground");
    }

    /** What the status table shows of the processes {@code names}: all {@code fg} looks at. */
    private static List<ProcessRow> rows(ControlClient client, List<String> names) throws IOException, RemoteError {
        return Wire.rows(client.call(Request.statusRows(names)).get("processes"));
    }

    /** Sends each line of the input, until its end, a refusal or the process leaving RUNNING. */
    private void forwardInput(ControlClient client, String namespec) throws IOException, RemoteError {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                client.call(Request.stdin(namespec, line + "\n"));
            } catch (RemoteError e) {
                if ("NOT_RUNNING".equals(e.fault())) out("Process got killed");
                else remoteError(e);
                return;
            }
            if (rows(client, List.of(namespec)).stream().noneMatch(p -> p.state() == ProcessState.RUNNING)) {
                out("Process got killed");
                return;
            }
        }
    }
}
