package dev.orchestrator.supervision;

import static dev.orchestrator.supervision.TestProcesses.process;
import static dev.orchestrator.supervision.TestProcesses.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reread: a group changes when its processes' settings or the [engine:] sections they run change. */
class ConfigDiffTest {

    private static final Path DIR = Path.of("/nonexistent");

    private static Configuration with(Map<String, EngineConfig> engines, GroupConfig... groups) {
        Configuration c = TestProcesses.configuration(DIR, groups);
        return new Configuration(c.mainFile(), c.supervisord(), c.groups(), engines, c.amqp(), c.problems());
    }

    private static EngineConfig engine(String name, List<String> next, int line) {
        EngineConfig d = EngineConfig.defaults(name, new Source(Path.of("amqp2engines.conf"), line, "engine:" + name, null));
        return new EngineConfig(name, next, false, d.beatInterval(), d.exchangeName(), d.routingKeys(), null, null,
                d.maxRetries(), d.prefetch(), Map.of(), Map.of(), d.source());
    }

    @Test
    void anEngineSectionChangeChangesTheGroupsRunningItButNotWhereItWasRead() {
        GroupConfig a = single(process("a").build());
        GroupConfig b = single(process("b").build());
        List<ProcessGroup> active = List.of(
                new ProcessGroup(a, Map.of("a", engine("a", List.of(), 1)), List.of()),
                new ProcessGroup(b, Map.of("b", engine("b", List.of(), 2)), List.of()));
        Configuration next = with(Map.of("a", engine("a", List.of(), 10), "b", engine("b", List.of("a"), 20)), a, b);
        assertEquals(new ConfigChanges(List.of(), List.of("b"), List.of()), ConfigDiff.diff(active, next));
    }
}
