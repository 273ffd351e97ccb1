package dev.orchestrator.control.rpc;

import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.Supervisor;
import dev.orchestrator.supervision.PriorityOrder;
import dev.orchestrator.xmlrpc.RpcFault;
import dev.orchestrator.xmlrpc.RpcFault.Faults;
import java.util.List;

/**
 * Names to processes as supervisord's XML-RPC interface reads them ({@code supervisor/options.py split_namespec},
 * {@code rpcinterface.py _getGroupAndProcess}): {@code group:name}, {@code group:*} or {@code group:} for a whole
 * group, and a bare {@code name} for group and process of the same name; anything else is BAD_NAME.
 */
final class Targets {

    /** A group ({@code process} null) or one process of it. */
    record Target(String group, ProcessInfo process) {}

    private final Supervisor supervisor;

    Targets(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    Target resolve(String namespec) throws RpcFault {
        int colon = namespec.indexOf(':');
        String group = colon < 0 ? namespec : namespec.substring(0, colon);
        String process = colon < 0 ? namespec : namespec.substring(colon + 1);
        List<ProcessInfo> members = members(group);
        if (members.isEmpty()) throw new RpcFault(Faults.BAD_NAME, namespec);
        if (colon >= 0 && (process.isEmpty() || process.equals("*"))) return new Target(group, null);
        return members.stream().filter(p -> p.name().equals(process)).findFirst()
                .map(p -> new Target(group, p))
                .orElseThrow(() -> new RpcFault(Faults.BAD_NAME, namespec));
    }

    /** One process (a group name is BAD_NAME). */
    ProcessInfo process(String namespec) throws RpcFault {
        Target t = resolve(namespec);
        if (t.process() == null) throw new RpcFault(Faults.BAD_NAME, namespec);
        return t.process();
    }

    /** The group's processes in priority order; BAD_NAME for an unknown group. */
    List<ProcessInfo> group(String group) throws RpcFault {
        List<ProcessInfo> members = members(group).stream().sorted(PriorityOrder.of(supervisor)).toList();
        if (members.isEmpty()) throw new RpcFault(Faults.BAD_NAME, group);
        return members;
    }

    /** Every process in priority order (groups by priority, then their processes by priority). */
    List<ProcessInfo> all() {
        return supervisor.allProcessInfo().stream().sorted(PriorityOrder.of(supervisor)).toList();
    }

    private List<ProcessInfo> members(String group) {
        return supervisor.allProcessInfo().stream().filter(p -> p.group().equals(group)).toList();
    }
}
