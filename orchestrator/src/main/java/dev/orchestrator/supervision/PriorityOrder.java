package dev.orchestrator.supervision;

import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * supervisord's order for acting on many processes: groups by priority (then name), each group's processes by
 * priority (then name), as its {@code rpcinterface.py _getAllProcesses} sorts them.
 */
public final class PriorityOrder {

    private PriorityOrder() { }

    /** The order of the supervisor's configuration now; a process it does not know sorts last. */
    public static Comparator<ProcessInfo> of(Supervisor supervisor) {
        Map<String, ConfigInfo> config = supervisor.allConfigInfo().stream()
                .collect(Collectors.toMap(c -> c.group() + ':' + c.name(), c -> c, (a, b) -> a));
        ConfigInfo none = new ConfigInfo("", "", false, false, Integer.MAX_VALUE, Integer.MAX_VALUE);
        Function<ProcessInfo, ConfigInfo> of = p -> config.getOrDefault(p.group() + ':' + p.name(), none);
        return Comparator.<ProcessInfo>comparingInt(p -> of.apply(p).groupPriority())
                .thenComparing(ProcessInfo::group)
                .thenComparingInt(p -> of.apply(p).processPriority())
                .thenComparing(ProcessInfo::name);
    }
}
