package dev.orchestrator.config;

import java.util.List;
import java.util.Locale;

/**
 * What {@code command=engine-launcher -e TYPE -n NAME -w N -l LEVEL} selects: it is read, not executed, unless the
 * engine runs as the original (then {@code command} is run as written). {@code engineType} is a registered type
 * name ({@code dynamic}, {@code cleaner}...), a module path ({@code canopsis.engines.cleaner}) or a class name;
 * {@code command} is the command line's words, as split and expanded: the spelling of the selection, so equality
 * ignores it (two lines that select the same engine the same way are the same spec).
 */
public record LaunchSpec(String engineType, String engineName, int worker, String logLevel, List<String> command) {

    public LaunchSpec {
        command = List.copyOf(command);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaunchSpec l && engineType.equals(l.engineType) && engineName.equals(l.engineName)
                && worker == l.worker && logLevel.equals(l.logLevel);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(engineType, engineName, worker, logLevel);
    }

    /** A selection made without a command line ({@code orchestrator launch}): the words are the canonical ones. */
    public LaunchSpec(String engineType, String engineName, int worker, String logLevel) {
        this(engineType, engineName, worker, logLevel, List.of(LauncherArguments.COMMAND, "-e", engineType, "-n",
                engineName, "-w", String.valueOf(worker), "-l", logLevel.toLowerCase(Locale.ROOT)));
    }
}
