package dev.orchestrator.config;

import java.util.List;

/**
 * A {@code [program:x]} section and the processes it expands to ({@code numprocs} of them); {@code implementation}
 * is its {@code implementation=} choice for an engine-launcher command.
 */
public record ProgramConfig(String name, int priority, List<ProcessConfig> processes, Implementation implementation,
                            Source source) {

    /** A program that lets {@code check} choose its implementation. */
    public ProgramConfig(String name, int priority, List<ProcessConfig> processes, Source source) {
        this(name, priority, processes, Implementation.AUTO, source);
    }

    /** The same program with its processes replaced (each run another way). */
    public ProgramConfig withProcesses(List<ProcessConfig> replaced) {
        return new ProgramConfig(name, priority, List.copyOf(replaced), implementation, source);
    }
}
