package dev.orchestrator.control.protocol;

import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;

/**
 * What supervisorctl's {@code status} table shows of a process: the reply to a brief {@code status} request
 * ({@link Request#brief()}). Beside the whole {@link ProcessInfo} (counters, histograms, paths) it is a tenth of the
 * bytes to write, send and read, which with 1,000 processes is most of the command's time.
 */
public record ProcessRow(String name, String group, ProcessState state, String description) {

    public static ProcessRow of(ProcessInfo p) {
        return new ProcessRow(p.name(), p.group(), p.state(), p.description());
    }

    public String namespec() { return ProcessConfig.namespec(group, name); }
}
