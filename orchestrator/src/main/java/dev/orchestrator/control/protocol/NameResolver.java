package dev.orchestrator.control.protocol;

import dev.orchestrator.supervision.ProcessInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves supervisorctl names against the daemon's processes: {@code all}, {@code group:*} and {@code group:}
 * (the whole group), {@code group:process}, {@code name} for a process alone in its homogeneous group, and, beyond
 * supervisorctl, a bare process name ({@code engine-cleaner-events-0}) whenever exactly one group holds a process
 * of that name, and a program name ({@code engine-cleaner-events}) for all its processes when no process has that
 * name (a program of {@code numprocs} processes in a Canopsis group). Shell patterns, as the supervisor-wildcards plugin that Canopsis' supervisord.conf loads
 * ({@code [ctlplugin:wildcards]}): {@code group:pattern} matches {@code group:process} (its {@code match_group = 1}),
 * a pattern without a colon matches process names ({@code engine-*-0}); each match is designated as if named. A
 * name that matches nothing, or a bare name that several groups hold, becomes a {@code BAD_NAME} outcome with supervisorctl's text ({@code no such process}, {@code no such group}).
 */
public final class NameResolver {

    /** The keyword that selects every process. */
    public static final String ALL = "all";

    private final List<ProcessInfo> processes;

    /** @param processes every process, in lexical (group, name) order */
    public NameResolver(List<ProcessInfo> processes) {
        this.processes = processes;
    }

    /**
     * One resolved target: {@code explicit} is true when the name designated this one process, false when it came
     * from {@code all} or a group spec (group operations skip processes already in the wanted state, silently).
     */
    public record Target(ProcessInfo process, boolean explicit) {}

    /** The targets of all names (each process once, first designation wins) and the names that matched nothing. */
    public record Resolution(List<Target> targets, List<Outcome> unknown) {}

    public Resolution resolve(List<String> names) {
        Map<String, Target> targets = new LinkedHashMap<>();
        List<Outcome> unknown = new ArrayList<>();
        for (String name : names) {
            Match match = match(name);
            if (match.error != null) {
                unknown.add(match.error);
            }
            for (ProcessInfo p : match.processes) {
                targets.putIfAbsent(p.namespec(), new Target(p, match.explicit));
            }
        }
        return new Resolution(List.copyOf(targets.values()), unknown);
    }

    /** The one process {@code name} designates, or a BAD_NAME outcome. Group specs and {@code all} are refused. */
    public ProcessInfo single(String name) throws UnresolvedName {
        Match match = match(name);
        if (match.error != null) throw new UnresolvedName(match.error);
        if (!match.explicit) throw new UnresolvedName(noSuchProcess(name));
        return match.processes.get(0);
    }

    /** A name that designates no process; {@link #outcome()} is its BAD_NAME result. */
    public static final class UnresolvedName extends Exception {
        private final transient Outcome outcome;

        UnresolvedName(Outcome outcome) {
            super(outcome.name() + ": " + outcome.message());
            this.outcome = outcome;
        }

        public Outcome outcome() { return outcome; }
    }

    private record Match(List<ProcessInfo> processes, boolean explicit, Outcome error) {}

    private Match match(String name) {
        if (ALL.equals(name)) {
            return new Match(processes, false, null);
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String group = name.substring(0, colon);
            String process = name.substring(colon + 1);
            if (Glob.isPattern(group)) return pattern(name, p -> p.group() + ':' + p.name());
            if (process.isEmpty() || process.equals("*")) {
                List<ProcessInfo> members = processes.stream().filter(p -> p.group().equals(group)).toList();
                return members.isEmpty()
                        ? new Match(List.of(), false, new Outcome(group, "BAD_NAME", "no such group", true))
                        : new Match(members, false, null);
            }
            if (Glob.isPattern(name)) return pattern(name, p -> p.group() + ':' + p.name());
            return exactly(name, processes.stream()
                    .filter(p -> p.group().equals(group) && p.name().equals(process)).toList());
        }
        if (Glob.isPattern(name)) return pattern(name, ProcessInfo::name);
        List<ProcessInfo> homogeneous = processes.stream()
                .filter(p -> p.group().equals(name) && p.name().equals(name)).toList();
        if (!homogeneous.isEmpty()) {
            return exactly(name, homogeneous);
        }
        List<ProcessInfo> anyGroup = processes.stream().filter(p -> p.name().equals(name)).toList();
        if (anyGroup.isEmpty()) {
            return exactly(name, processes.stream().filter(p -> name.equals(p.program())).toList());
        }
        if (anyGroup.size() > 1) {
            String candidates = String.join(", ", anyGroup.stream().map(ProcessInfo::namespec).toList());
            return new Match(List.of(), true, Outcome.failed(name, "BAD_NAME", "ambiguous name: " + candidates));
        }
        return exactly(name, anyGroup);
    }

    /** The processes whose {@code key} matches the pattern {@code name}, each designated as if named. */
    private Match pattern(String name, Function<ProcessInfo, String> key) {
        Glob glob = Glob.of(name);
        return exactly(name, processes.stream().filter(p -> glob.matches(key.apply(p))).toList());
    }

    private static Match exactly(String name, List<ProcessInfo> found) {
        return found.isEmpty() ? new Match(List.of(), true, noSuchProcess(name)) : new Match(found, true, null);
    }

    private static Outcome noSuchProcess(String name) {
        return Outcome.failed(name, "BAD_NAME", "no such process");
    }
}
