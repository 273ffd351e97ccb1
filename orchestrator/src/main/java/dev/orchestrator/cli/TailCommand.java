package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tail [-f] [-N] NAME [stdout|stderr]}: the last 1600 (or N) bytes of a process's log; with {@code -f},
 * {@code ==> Press Ctrl-C to exit <==} and then the log as it grows.
 */
final class TailCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("tail",
                    CommandSyntax.Flag.of("-f", "Follow the log as it grows (Ctrl-C to exit)."))
            .describedAs("Show the end of a process's log (stdout by default).",
                    "  tail -f NAME        follow it, Ctrl-C to exit",
                    "  tail -100 NAME      last 100 bytes",
                    "  tail NAME stderr    last 1600 bytes of stderr")
            .withOperands("ARG", "-N: the last N bytes; the process name; the channel.").withAnyOperand();

    static final int DEFAULT_BYTES = 1600;

    private int bytes = DEFAULT_BYTES;
    private String name;
    private String channel = "stdout";

    @Override
    String usageError() {
        List<String> rest = new ArrayList<>(names());
        if (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String modifier = rest.remove(0);
            try {
                bytes = Integer.parseInt(modifier.substring(1));
            } catch (NumberFormatException e) {
                return "bad argument " + modifier;
            }
        }
        if (rest.isEmpty()) return "too few arguments";
        if (rest.size() > 2) return "too many arguments";
        name = rest.get(0);
        if (rest.size() == 2) {
            channel = rest.get(1).toLowerCase();
            if (!channel.equals("stdout") && !channel.equals("stderr")) return "bad channel '" + channel + "'";
        }
        return null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        boolean follow = args.flag("-f");
        try {
            streamLog(client, Request.tail(name, channel, bytes, follow), follow);
        } catch (RemoteError e) {
            out(name + ": ERROR (" + switch (e.fault()) {
                case "BAD_NAME" -> "no such process name";
                case "NO_FILE" -> "no log file";
                case "FAILED" -> "unknown error reading log";
                default -> e.fault() + ": " + e.getMessage();
            } + ")");
            fail(GENERIC);
        }
    }
}
