package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;

/**
 * {@code add GROUP...} and {@code remove GROUP...} (supervisorctl's {@code do_add} and {@code do_remove},
 * supervisor/supervisorctl.py): activate a group that {@code reread} found, or drop a stopped one, with
 * supervisorctl's lines: {@code G: added process group}, {@code ERROR: process group already active} (not a
 * failure), {@code ERROR: no such process/group: G}, {@code ERROR: process/group still running: G} (exit 1).
 */
abstract class GroupChangeCommand extends ControlCommand {

    static final CommandSyntax ADD = CommandSyntax.of("add")
            .describedAs("Activate process groups that reread found (add G...).")
            .withOperands("GROUP", "Group names.");
    static final CommandSyntax REMOVE = CommandSyntax.of("remove")
            .describedAs("Remove stopped process groups from the active configuration (remove G...).")
            .withOperands("GROUP", "Group names.");

    private final boolean add;

    private GroupChangeCommand(boolean add) {
        this.add = add;
    }

    /** {@code add}. */
    static final class Add extends GroupChangeCommand {
        Add() { super(true); }
    }

    /** {@code remove}. */
    static final class Remove extends GroupChangeCommand {
        Remove() { super(false); }
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        client.call(Request.of(add ? "add" : "remove", names()), reply -> report(reply.item()));
    }

    private void report(Outcome o) {
        if (o.succeeded()) {
            out(o.name() + (add ? ": added process group" : ": removed process group"));
            return;
        }
        switch (o.fault()) {
            case "ALREADY_ADDED" -> out("ERROR: process group already active");
            case "BAD_NAME" -> {
                out("ERROR: no such process/group: " + o.name());
                fail(GENERIC);
            }
            case "STILL_RUNNING" -> {
                out("ERROR: process/group still running: " + o.name());
                fail(GENERIC);
            }
            case "SHUTDOWN_STATE" -> {
                out("ERROR: shutting down");
                fail(GENERIC);
            }
            default -> {
                out("ERROR: " + o.fault() + (o.message() == null || o.message().isEmpty() ? "" : ": " + o.message()));
                fail(GENERIC);
            }
        }
    }
}
