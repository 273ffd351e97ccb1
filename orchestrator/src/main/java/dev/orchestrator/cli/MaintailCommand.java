package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code maintail [-f|-N]}: the end of the daemon's own log (supervisorctl's {@code do_maintail},
 * supervisor/supervisorctl.py): the last 1600 or N bytes, or {@code -f} to follow it.
 */
@Command(name = "maintail", customSynopsis = "orchestrator maintail [-f|-N] [-c=FILE] [-s=URL]",
        description = {"Show the end of the daemon's own log.",
                "  maintail -f     follow it, Ctrl-C to exit",
                "  maintail -100   last 100 bytes",
                "  maintail        last 1600 bytes"})
final class MaintailCommand extends ControlCommand {

    @Option(names = "-f", description = "Follow the log as it grows (Ctrl-C to exit).")
    boolean follow;

    @Parameters(paramLabel = "-N", arity = "0..*", description = "The last N bytes.")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    private int bytes = TailCommand.DEFAULT_BYTES;

    @Override
    String usageError() {
        args.addAll(unmatched);
        if (args.size() + (follow ? 1 : 0) > 1) return "too many arguments";
        if (args.isEmpty()) return null;
        String arg = args.get(0);
        try {
            if (arg.startsWith("-")) {
                bytes = Integer.parseInt(arg.substring(1));
                return null;
            }
        } catch (NumberFormatException e) {
            // the same message as any other bad argument
        }
        return "bad argument " + arg;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        try {
            streamLog(client, Request.maintail(bytes, follow), follow);
        } catch (RemoteError e) {
            out("supervisord: ERROR (" + ("NO_FILE".equals(e.fault()) ? "no log file" : "unknown error reading log")
                    + ")");
            fail(GENERIC);
        }
    }
}
