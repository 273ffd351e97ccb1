package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.List;

/**
 * {@code maintail [-f|-N]}: the end of the daemon's own log (supervisorctl's {@code do_maintail},
 * supervisor/supervisorctl.py): the last 1600 or N bytes, or {@code -f} to follow it.
 */
final class MaintailCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("maintail",
                    CommandSyntax.Flag.of("-f", "Follow the log as it grows (Ctrl-C to exit)."))
            .describedAs("Show the end of the daemon's own log.",
                    "  maintail -f     follow it, Ctrl-C to exit",
                    "  maintail -100   last 100 bytes",
                    "  maintail        last 1600 bytes")
            .withOperands("-N", "The last N bytes.").withAnyOperand();

    private int bytes = TailCommand.DEFAULT_BYTES;

    @Override
    String usageError() {
        List<String> rest = names();
        if (rest.size() + (args.flag("-f") ? 1 : 0) > 1) return "too many arguments";
        if (rest.isEmpty()) return null;
        String arg = rest.get(0);
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
            streamLog(client, Request.maintail(bytes, args.flag("-f")), args.flag("-f"));
        } catch (RemoteError e) {
            out("supervisord: ERROR (" + ("NO_FILE".equals(e.fault()) ? "no log file" : "unknown error reading log")
                    + ")");
            fail(GENERIC);
        }
    }
}
