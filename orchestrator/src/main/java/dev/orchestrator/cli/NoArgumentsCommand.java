package dev.orchestrator.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A control command that takes no arguments and says so as supervisorctl does ({@code X accepts no arguments}). */
abstract class NoArgumentsCommand extends ControlCommand {

    @Parameters(arity = "0..*", hidden = true)
    List<String> stray = new ArrayList<>();

    @Override
    final String usageError() {
        return stray.isEmpty() ? null : spec.name() + " accepts no arguments";
    }
}
