package dev.orchestrator.supervision;

import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.GroupConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An active process group: its configuration and its processes, in {@code programs=} order. */
final class ProcessGroup {

    private static final Comparator<SupervisedProcess> PRIORITY_ORDER =
            Comparator.comparingInt((SupervisedProcess p) -> p.config().priority()).thenComparing(SupervisedProcess::name);

    static final Comparator<GroupConfig> START_ORDER =
            Comparator.comparingInt(GroupConfig::priority).thenComparing(GroupConfig::name);

    private final GroupConfig config;
    private final Map<String, EngineConfig> engines;
    private final List<SupervisedProcess> processes;

    /** {@code engines}: the engine sections of the configuration the group was added from. */
    ProcessGroup(GroupConfig config, Map<String, EngineConfig> engines, List<SupervisedProcess> processes) {
        this.config = config;
        this.engines = engines == null ? Map.of() : engines;
        this.processes = List.copyOf(processes);
    }

    GroupConfig config() { return config; }

    Map<String, EngineConfig> engines() { return engines; }

    String name() { return config.name(); }

    List<SupervisedProcess> processes() { return processes; }

    SupervisedProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Daemon shutdown: every process, highest priority number first, without waiting between them. */
    void stopAll() {
        processes.stream().sorted(PRIORITY_ORDER.reversed()).forEach(SupervisedProcess::stopForShutdown);
    }

    List<SupervisedProcess> unstopped() {
        return processes.stream().filter(p -> !p.state().isStopped()).toList();
    }

    void close() { processes.forEach(SupervisedProcess::close); }
}
