package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Base of {@code start}, {@code stop} and {@code restart}: names or {@code --all}, text lines or {@code --json}. */
abstract class ProcessCommand extends ControlCommand {

    @Option(names = "--all", description = "All processes (same as the name 'all').")
    boolean all;

    @Option(names = "--json", description = "Print the outcomes as JSON.")
    boolean json;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "group:process, group:*, group:, all, or a process name that only one group has.")
    List<String> names = new ArrayList<>();

    private final List<Outcome> outcomes = new ArrayList<>();

    @Override
    String usageError() {
        return names.isEmpty() && !all ? spec.name() + " requires a process name" : null;
    }

    List<String> targets() {
        return all ? List.of(NameResolver.ALL) : names;
    }

    void apply(ControlClient client, ProcessAction action, boolean await) throws IOException, RemoteError {
        action.run(client, targets(), await, o -> {
            if (json) outcomes.add(o);
            else out(action.line(o));
            fail(action.exitStatus(o));
        });
    }

    /** With {@code --json}, the outcomes collected by {@link #apply}. */
    void printJson() {
        if (json) json(Map.of("results", outcomes));
    }
}
