package dev.orchestrator.supervision;

import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.ProcessConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * supervisord's reread diff (supervisor/rpcinterface.py {@code reloadConfig}): groups added, changed and removed, a group
 * being changed when any setting of its processes differs. Where a setting was read ({@link
 * dev.orchestrator.config.Source}) is not a setting; the {@code [engine:x]} section a process runs is one.
 */
final class ConfigDiff {

    private ConfigDiff() { }

    /** The groups added, changed and removed, from the active groups to the new configuration. */
    static ConfigChanges diff(Collection<ProcessGroup> active, Configuration next) {
        Map<String, ProcessGroup> byName = new HashMap<>();
        active.forEach(g -> byName.put(g.name(), g));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (GroupConfig g : next.groups()) {
            ProcessGroup current = byName.get(g.name());
            if (current == null) added.add(g.name());
            else if (!sameGroup(current.config(), current.engines(), g, next.engines())) changed.add(g.name());
        }
        List<String> removed = byName.keySet().stream()
                .filter(name -> next.groups().stream().noneMatch(g -> g.name().equals(name))).sorted().toList();
        return new ConfigChanges(added, changed, removed);
    }

    /** True if {@code group} of the new configuration has a process of {@code p}'s name, set up just like it. */
    static boolean unchanged(ProcessConfig p, Map<String, EngineConfig> engines, GroupConfig group,
                             Map<String, EngineConfig> nextEngines) {
        return group.processes().stream().anyMatch(n -> n.name().equals(p.name()) && sameProcess(p, n)
                && sameEngine(engine(p, engines), engine(n, nextEngines)));
    }

    private static boolean sameGroup(GroupConfig a, Map<String, EngineConfig> enginesA,
                                     GroupConfig b, Map<String, EngineConfig> enginesB) {
        List<ProcessConfig> pa = a.processes();
        List<ProcessConfig> pb = b.processes();
        if (a.priority() != b.priority() || pa.size() != pb.size()) return false;
        for (int i = 0; i < pa.size(); i++) {
            if (!sameProcess(pa.get(i), pb.get(i))) return false;
            if (!sameEngine(engine(pa.get(i), enginesA), engine(pb.get(i), enginesB))) return false;
        }
        return true;
    }

    private static boolean sameProcess(ProcessConfig a, ProcessConfig b) {
        return withoutSource(a).equals(withoutSource(b));
    }

    private static boolean sameEngine(EngineConfig a, EngineConfig b) {
        if (a == null || b == null) return a == b;
        return withoutSources(a).equals(withoutSources(b));
    }

    private static EngineConfig engine(ProcessConfig p, Map<String, EngineConfig> engines) {
        return p.launch() == null || engines == null ? null : engines.get(p.launch().engineName());
    }

    private static EngineConfig withoutSources(EngineConfig e) {
        return new EngineConfig(e.name(), e.next(), e.nextBalanced(), e.beatInterval(), e.exchangeName(),
                e.routingKeys(), e.eventProcessing(), e.beatProcessing(), e.maxRetries(), e.prefetch(),
                e.maxEventBytes(), e.queueType(), e.queueArguments(), e.params(), null, null);
    }

    private static ProcessConfig withoutSource(ProcessConfig p) {
        return p.withSource(null);
    }
}
