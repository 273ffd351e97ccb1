package dev.orchestrator.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** Catches stray arguments of a command that takes none, so it can say so as supervisorctl does. */
final class NoArguments {

    @Parameters(arity = "0..*", hidden = true)
    List<String> stray = new ArrayList<>();

    /** {@code NAME accepts no arguments} if there are any, else null. */
    String error(String command) {
        return stray.isEmpty() ? null : command + " accepts no arguments";
    }
}
