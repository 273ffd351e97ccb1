package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.control.protocol.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Base of the commands that talk to the daemon, with supervisorctl's conventions: result lines (including
 * {@code X: ERROR (...)}) on standard output, usage errors and connection failures on standard error, and the exit
 * status of the last failure (0 when none). Plain Java, no picocli: {@link ControlCommands} runs them.
 */
abstract class ControlCommand {

    /** supervisorctl's exit statuses. */
    static final int GENERIC = 1;
    static final int INVALID_ARGS = 2;
    static final int INSUFFICIENT_PRIVILEGES = 4;
    static final int NOT_RUNNING = 7;

    ControlArgs args;
    ControlOptions control;
    private CommandSyntax syntax;
    BufferedReader in;
    private PrintWriter out;
    private PrintWriter err;
    private int exitStatus;

    /**
     * Runs the command with its parsed {@code args}, reading {@code in} (standard input, or the shell's), printing to
     * {@code out} and {@code err}; the exit status.
     */
    final int execute(CommandSyntax syntax, ControlArgs args, BufferedReader in, PrintWriter out, PrintWriter err) {
        this.syntax = syntax;
        this.in = in;
        this.args = args;
        this.control = args.control();
        this.out = out;
        this.err = err;
        if (args.help()) {
            syntax.printUsage(out);
            return 0;
        }
        String usage = usageError();
        if (usage != null) {
            err("Error: " + usage);
            syntax.printUsage(err);
            return usageExitStatus();
        }
        Path socket;
        try {
            socket = control.socketFile();
        } catch (UncheckedIOException e) {
            err("Error: " + e.getMessage());
            return GENERIC;
        }
        try (ControlClient client = connect(socket)) {
            run(client);
        } catch (Unreachable e) {
            return unreachable(e);
        } catch (RemoteError e) {
            remoteError(e);
            fail(GENERIC);
        } catch (IOException e) {
            err("Error: " + socket + ": " + e.getMessage());
            fail(GENERIC);
        }
        return exitStatus;
    }

    /** What is wrong with the arguments (printed as {@code Error: ...} with the usage), or null. */
    String usageError() {
        return syntax.operand() == null && !args.operands().isEmpty() ? syntax.name() + " accepts no arguments" : null;
    }

    int usageExitStatus() { return GENERIC; }

    /** The operands: process or group names. */
    List<String> names() { return args.operands(); }

    /** The command's name, e.g. {@code start}. */
    String name() { return syntax.name(); }

    /** Talks to the daemon; lines go through {@link #out}, failures through {@link #fail}. */
    abstract void run(ControlClient client) throws IOException, RemoteError;

    ControlClient connect(Path socket) throws Unreachable {
        return ControlClient.connect(socket);
    }

    /** No daemon: supervisorctl's one line; exit 7 when the socket file is missing, 4 otherwise. */
    int unreachable(Unreachable e) {
        err(e.getMessage());
        return e.reason() == Unreachable.Reason.NO_FILE ? NOT_RUNNING : INSUFFICIENT_PRIVILEGES;
    }

    /** A refused request; {@code SHUTDOWN_STATE} reads as supervisorctl says it. */
    void remoteError(RemoteError e) {
        out("SHUTDOWN_STATE".equals(e.fault()) ? "ERROR: supervisor shutting down"
                : "ERROR: " + e.fault() + (e.getMessage() == null || e.getMessage().isEmpty() ? "" : ": " + e.getMessage()));
    }

    /** Records a failure: the last one sets the exit status (supervisorctl's {@code exitstatus}). */
    void fail(int status) {
        if (status != 0) exitStatus = status;
    }

    void out(String line) {
        out.println(line);
        out.flush();
    }

    /** {@code lines} in one write (a status table of 1,000 processes: one flush, not one per line). */
    void out(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) text.append(line).append(System.lineSeparator());
        print(text.toString());
    }

    /** {@code text} as it is, without a newline (a followed log). */
    void print(String text) {
        out.print(text);
        out.flush();
    }

    void err(String line) {
        err.println(line);
        err.flush();
    }

    /**
     * Prints a log's text: the whole answer at once, or with {@code follow} {@code ==> Press Ctrl-C to exit <==} and
     * then the text as it comes, until the daemon goes.
     */
    void streamLog(ControlClient client, Request request, boolean follow) throws IOException, RemoteError {
        if (follow) out("==> Press Ctrl-C to exit <==");
        StringBuilder text = new StringBuilder();
        try {
            client.call(request, reply -> {
                if (follow) {
                    print(reply.data());
                } else {
                    text.append(reply.data());
                }
            });
        } catch (ControlClient.Disconnected e) {
            if (!follow) throw e;
            return;
        }
        out(text.toString());
    }

    /** {@code value} as indented JSON on standard output. */
    void json(Object value) {
        try {
            out(Protocol.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
