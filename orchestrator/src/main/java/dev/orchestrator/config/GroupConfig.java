package dev.orchestrator.config;

import java.util.List;

/**
 * A process group: a {@code [group:x]} with its programs in {@code programs=} order, or the homogeneous group
 * supervisord makes for a program that no group lists. {@code processes} is the concatenation in that order.
 */
public record GroupConfig(String name, int priority, List<ProgramConfig> programs, Source source) {

    public List<ProcessConfig> processes() {
        return programs.stream().flatMap(p -> p.processes().stream()).toList();
    }
}
