package dev.orchestrator.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything read from a configuration tree: the daemon settings, the process groups sorted by
 * (priority, name), the engine sections by name, and every problem found while reading.
 */
public record Configuration(
        Path mainFile,
        SupervisordSettings supervisord,
        List<GroupConfig> groups,
        Map<String, EngineConfig> engines,
        AmqpSettings amqp,
        List<Problem> problems) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    public Stream<ProcessConfig> processes() {
        return groups.stream().flatMap(g -> g.processes().stream());
    }
}
