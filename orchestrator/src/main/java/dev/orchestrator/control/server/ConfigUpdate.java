package dev.orchestrator.control.server;

import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Reply;

import dev.orchestrator.supervision.ConfigChanges;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.Supervisor;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code update}: re-reads the configuration and applies it group by group, as supervisorctl's {@code do_update}:
 * a removed group is stopped and removed, a changed group is updated through
 * {@link Supervisor#updateProcessGroup} (which restarts only the processes whose settings changed), an added
 * group is added (its autostart processes start). Names restrict the work to those groups; {@code all} or none
 * means all. Each process actually stopped gets its own {@code NAME: stopped} line, where supervisorctl prints
 * {@code GROUP: stopped} once per group.
 */
final class ConfigUpdate {

    private final Supervisor supervisor;
    private final ReplySink out;

    ConfigUpdate(Supervisor supervisor, ReplySink out) {
        this.supervisor = supervisor;
        this.out = out;
    }

    Reply apply(List<String> names) throws Fault, IOException {
        ConfigChanges diff = supervisor.reloadConfig();
        List<String> added = diff.added();
        List<String> changed = diff.changed();
        List<String> removed = diff.removed();
        Set<String> wanted = new LinkedHashSet<>(names);
        if (wanted.contains(NameResolver.ALL)) wanted.clear();
        Set<String> known = ControlService.groups(supervisor.allProcessInfo());
        known.addAll(added);
        for (String g : wanted) {
            if (!known.contains(g)) out.send(Reply.item(new Outcome(g, "BAD_NAME", "no such group", true)));
        }
        for (String g : removed) {
            if (!selected(wanted, g)) continue;
            if (!stop(g)) continue;
            supervisor.removeProcessGroup(g);
            out.send(Reply.item(Outcome.done(g, "removed process group")));
        }
        for (String g : changed) {
            if (!selected(wanted, g)) continue;
            for (String stopped : supervisor.updateProcessGroup(g)) out.send(Reply.item(Outcome.done(stopped, "stopped")));
            out.send(Reply.item(Outcome.done(g, "updated process group")));
        }
        for (String g : added) {
            if (!selected(wanted, g)) continue;
            supervisor.addProcessGroup(g);
            out.send(Reply.item(Outcome.done(g, "added process group")));
        }
        return Reply.result(Map.of());
    }

    private static boolean selected(Set<String> wanted, String group) {
        return wanted.isEmpty() || wanted.contains(group);
    }

    /** Stops the group's running processes, a line each; false (with a FAILED outcome) if one would not stop. */
    private boolean stop(String group) throws IOException {
        boolean stopped = true;
        for (ProcessInfo p : ControlService.members(supervisor.allProcessInfo(), group)) {
            if (!p.state().isRunning()) continue;
            try {
                supervisor.stopProcess(p.group(), p.name(), true);
                out.send(Reply.item(Outcome.done(p.namespec(), "stopped")));
            } catch (Fault f) {
                if (f.code() == Fault.Code.NOT_RUNNING) continue;
                out.send(Reply.item(Outcome.failed(p.namespec(), f.code().name(), ControlService.detail(f))));
                stopped = false;
            }
        }
        return stopped;
    }
}
