package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import java.io.IOException;
import java.util.List;

/**
 * {@code mstart}, {@code mstop}, {@code mrestart PATTERN...}: the commands of the supervisor-wildcards plugin that
 * Canopsis' supervisord.conf loads ({@code [ctlplugin:wildcards]}; supervisorwildcards/controllerplugin.py,
 * {@code _expand_wildcards}): start, stop or restart every process a shell pattern matches ({@code all} is
 * {@code *}), each with its own line, or {@code No process matched given expression.} when none does. The patterns
 * are read as in every command (docs/control.md, Names).
 */
abstract class WildcardsCommand extends ControlCommand {

    static final CommandSyntax MSTART = syntax("mstart", "start");
    static final CommandSyntax MSTOP = syntax("mstop", "stop");
    static final CommandSyntax MRESTART = syntax("mrestart", "restart");

    private final List<ProcessAction> actions;

    private WildcardsCommand(ProcessAction... actions) {
        this.actions = List.of(actions);
    }

    /** {@code mstart}. */
    static final class MStart extends WildcardsCommand {
        MStart() { super(ProcessAction.START); }
    }

    /** {@code mstop}. */
    static final class MStop extends WildcardsCommand {
        MStop() { super(ProcessAction.STOP); }
    }

    /** {@code mrestart}. */
    static final class MRestart extends WildcardsCommand {
        MRestart() { super(ProcessAction.STOP, ProcessAction.START); }
    }

    private static CommandSyntax syntax(String name, String command) {
        return CommandSyntax.of(name)
                .describedAs("The same as " + command + ", but accepts wildcard expressions to match the process name.",
                        "  " + name + " 'amqp2engines:engine-*'   every process the pattern matches")
                .withOperands("PATTERN", "Shell patterns (*, ?, [seq]) on group:process, or on process names.");
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        List<String> patterns = names().contains("all") ? List.of("*") : names();
        boolean[] matched = {false};
        for (ProcessAction action : actions) {
            action.run(client, patterns, true, o -> {
                if ("BAD_NAME".equals(o.fault())) return;
                matched[0] = true;
                out(action.line(o));
                fail(action.exitStatus(o));
            });
        }
        if (!matched[0]) out("No process matched given expression.");
    }
}
