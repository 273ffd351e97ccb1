package dev.orchestrator.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks between sections: each program's engine has an {@code [engine:]} section (Canopsis' launcher needed one;
 * here a missing one means the defaults, with a warning), each name in {@code next} has a section, a section no
 * program runs and no {@code next} names is a warning (Canopsis' own trees have some), no two
 * processes share a name, and the processes of a program have distinct worker numbers.
 */
final class ConsistencyCheck {

    private ConsistencyCheck() { }

    /**
     * Returns the engines, with a default section added for each program's engine that has none (its queue of
     * {@code defaultQueueType}).
     */
    static Map<String, EngineConfig> check(List<GroupConfig> groups, Map<String, EngineConfig> sections,
                                           QueueType defaultQueueType, Problems problems) {
        Map<String, EngineConfig> engines = new LinkedHashMap<>(sections);
        Set<String> launched = groups.stream().flatMap(g -> g.processes().stream())
                .filter(p -> p.launch() != null).map(p -> p.launch().engineName()).collect(Collectors.toSet());
        for (GroupConfig group : groups) {
            for (ProgramConfig program : group.programs()) {
                program.processes().stream().filter(p -> p.launch() != null).findFirst().ifPresent(p -> {
                    String engine = p.launch().engineName();
                    if (!engines.containsKey(engine)) {
                        problems.warning(p.source(), "engine '" + engine + "' has no [engine:" + engine
                                + "] section; it runs with the defaults (no next, beat every "
                                + EngineConfig.DEFAULT_BEAT_INTERVAL + " s, bound to amq.direct by its queue name)");
                        engines.put(engine, EngineConfig.defaults(engine, p.source(), defaultQueueType));
                    }
                });
            }
        }
        for (EngineConfig engine : sections.values()) {
            for (String next : engine.next()) {
                if (!engines.containsKey(next)) {
                    problems.error(engine.sourceOf("next"), "next names engine '" + next + "', which has no [engine:"
                            + next + "] section (expected an engine name; " + NearestNames.describe(next,
                            engines.keySet()) + ")");
                } else if (!launched.contains(next)) {
                    problems.warning(engine.sourceOf("next"), "next names engine '" + next + "', which no program"
                            + " runs: its queue " + EngineConfig.queueOf(next) + " will fill up");
                }
            }
        }
        Set<String> referenced = sections.values().stream().flatMap(e -> e.next().stream()).collect(Collectors.toSet());
        for (EngineConfig engine : sections.values()) {
            if (!launched.contains(engine.name()) && !referenced.contains(engine.name())) {
                problems.warning(engine.source(), "no program runs engine '" + engine.name() + "': this section is"
                        + " not used (expected a [program:x] with engine-launcher -n " + engine.name() + ")");
            }
        }
        duplicates(groups, problems);
        workerNumbers(groups, problems);
        return engines;
    }

    /** The processes of one program should be distinct workers ({@code -w %(process_num)d}). */
    private static void workerNumbers(List<GroupConfig> groups, Problems problems) {
        groups.stream().flatMap(g -> g.programs().stream()).forEach(program -> {
            List<ProcessConfig> launched = program.processes().stream().filter(p -> p.launch() != null).toList();
            long distinct = launched.stream().map(p -> p.launch().worker()).distinct().count();
            if (distinct < launched.size()) {
                problems.warning(launched.get(0).source(), "the " + launched.size() + " processes of program "
                        + program.name() + " share worker numbers (expected -w %(process_num)d)");
            }
        });
    }

    private static void duplicates(List<GroupConfig> groups, Problems problems) {
        Map<String, ProcessConfig> byName = new HashMap<>();
        for (GroupConfig group : groups) {
            for (ProcessConfig process : group.processes()) {
                ProcessConfig first = byName.putIfAbsent(process.name(), process);
                boolean sameProgram = first != null && first.program().equals(process.program())
                        && first.group().equals(process.group());
                if (first != null && !sameProgram) {
                    problems.error(process.source(), "process name '" + process.name() + "' (group " + group.name()
                            + ") is already used by program " + first.program() + " of group " + first.group()
                            + " at " + first.source() + " (expected names unique across groups: set process_name)");
                }
            }
        }
    }
}
