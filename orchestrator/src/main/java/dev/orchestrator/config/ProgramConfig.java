package dev.orchestrator.config;

import java.util.List;

/** A {@code [program:x]} section and the processes it expands to ({@code numprocs} of them). */
public record ProgramConfig(String name, int priority, List<ProcessConfig> processes, Source source) {}
