package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Base of {@code start}, {@code stop} and {@code restart}: names or {@code --all}, text lines or {@code --json}. */
abstract class ProcessCommand extends ControlCommand {

    private final List<Outcome> outcomes = new ArrayList<>();

    /** The syntax of {@code name}: {@code --all}, {@code --json}, the {@code flags} given, and names. */
    static CommandSyntax syntax(String name, CommandSyntax.Flag... flags) {
        List<CommandSyntax.Flag> all = new ArrayList<>(List.of(flags));
        all.add(CommandSyntax.Flag.of("--all", "All processes (same as the name 'all')."));
        all.add(CommandSyntax.Flag.of("--json", "Print the outcomes as JSON."));
        return new CommandSyntax(name, List.of(), all, "NAME",
                "group:process, group:*, group:, all, or a process name that only one group has.", false);
    }

    @Override
    String usageError() {
        return names().isEmpty() && !args.flag("--all") ? name() + " requires a process name" : null;
    }

    List<String> targets() {
        return args.flag("--all") ? List.of(NameResolver.ALL) : names();
    }

    void apply(ControlClient client, ProcessAction action, boolean await) throws IOException, RemoteError {
        action.run(client, targets(), await, o -> {
            if (args.flag("--json")) outcomes.add(o);
            else out(action.line(o));
            fail(action.exitStatus(o));
        });
    }

    /** With {@code --json}, the outcomes collected by {@link #apply}. */
    void printJson() {
        if (args.flag("--json")) json(Map.of("results", outcomes));
    }
}
