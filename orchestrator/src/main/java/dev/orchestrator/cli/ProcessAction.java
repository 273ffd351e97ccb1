package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code start}, {@code stop} and {@code signal} of some processes, with supervisorctl's result lines
 * ({@code _startresult}, {@code _stopresult}, {@code _signalresult}) and exit statuses: {@code already started}
 * and {@code not running} are not failures of start and stop, a spawn error, abnormal termination or a signal to a
 * process not running is 7, an unknown group 2 for start and 1 otherwise.
 */
enum ProcessAction {
    START("start", "started", "ALREADY_STARTED", ControlCommand.INVALID_ARGS),
    STOP("stop", "stopped", "NOT_RUNNING", ControlCommand.GENERIC),
    /** supervisorctl's {@code _signalresult}: nothing ignored, {@code not running} is 7. */
    SIGNAL("signal", "signalled", "", ControlCommand.GENERIC);

    private final String method;
    private final String done;
    private final String ignoredFault;
    private final int noSuchGroupStatus;

    ProcessAction(String method, String done, String ignoredFault, int noSuchGroupStatus) {
        this.method = method;
        this.done = done;
        this.ignoredFault = ignoredFault;
        this.noSuchGroupStatus = noSuchGroupStatus;
    }

    /** Runs the action on {@code names}, passing each outcome, as it completes, to {@code each}. */
    void run(ControlClient client, List<String> names, boolean await, Consumer<Outcome> each)
            throws IOException, RemoteError {
        client.call(Request.of(method, names, await), reply -> each.accept(reply.item()));
    }

    /** supervisorctl's line for one outcome. */
    String line(Outcome o) {
        if (o.succeeded()) return o.name() + ": " + done;
        if (o.fault().equals("FAILED") && this == STOP) return "FAILED: " + o.message();
        if (o.fault().equals("FAILED") && this == SIGNAL) return o.message();
        return o.name() + ": ERROR (" + switch (o.fault()) {
            case "BAD_NAME" -> o.message();
            case "NO_FILE" -> "no such file";
            case "NOT_EXECUTABLE" -> "file is not executable";
            case "ALREADY_STARTED" -> "already started";
            case "BAD_SIGNAL" -> "bad signal name";
            case "SPAWN_ERROR" -> "spawn error";
            case "ABNORMAL_TERMINATION" -> "abnormal termination";
            case "NOT_RUNNING" -> "not running";
            default -> o.fault() + (o.message() == null || o.message().isEmpty() ? "" : ": " + o.message());
        } + ")";
    }

    /** The exit status one outcome sets (0: none). */
    int exitStatus(Outcome o) {
        if (o.succeeded() || o.fault().equals(ignoredFault)) return 0;
        if (o.fault().equals("BAD_NAME") && o.isGroup()) return noSuchGroupStatus;
        return switch (o.fault()) {
            case "SPAWN_ERROR", "ABNORMAL_TERMINATION", "NOT_RUNNING" -> ControlCommand.NOT_RUNNING;
            default -> ControlCommand.GENERIC;
        };
    }
}
