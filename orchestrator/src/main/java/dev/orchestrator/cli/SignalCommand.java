package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.List;

/**
 * {@code signal SIG NAME...} (supervisorctl's {@code do_signal}, supervisor/supervisorctl.py): sends a signal, by
 * name ({@code HUP}, {@code SIGHUP}) or number, to processes; {@code X: signalled} each. A group or {@code all}
 * signals the processes that are STARTING, RUNNING or STOPPING. A child process gets the real signal; a worker
 * thread takes TERM, INT and QUIT as a request to end and refuses the others.
 */
final class SignalCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("signal")
            .describedAs("Send a signal to processes.",
                    "  signal HUP NAME      by name (HUP, SIGHUP) or number",
                    "Exit status: 7 for a process not running, 1 for a bad signal or name.")
            .withOperands("SIG NAME", "The signal, then group:process, group:*, all, a process or program name,"
                    + " or a pattern.");

    @Override
    String usageError() {
        return names().size() < 2 ? "signal requires a signal name and a process name" : null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        List<String> words = names();
        client.call(Request.signal(words.get(0), words.subList(1, words.size())), reply -> {
            out(ProcessAction.SIGNAL.line(reply.item()));
            fail(ProcessAction.SIGNAL.exitStatus(reply.item()));
        });
    }
}
