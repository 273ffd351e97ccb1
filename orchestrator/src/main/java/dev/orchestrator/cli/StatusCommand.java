package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.ProcessRow;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.client.QueueTable;
import dev.orchestrator.control.client.StatusTable;
import dev.orchestrator.control.protocol.Wire;
import dev.orchestrator.supervision.ProcessInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status [NAME...]}: supervisorctl's table, in lexical order. Exit 3 if a listed process is stopped
 * (STOPPED, EXITED, FATAL, UNKNOWN), 4 for an unknown name or no daemon.
 */
final class StatusCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("status",
                    CommandSyntax.Flag.of("--json",
                            "Print JSON: state, description, pid, uptime and counters of each process."))
            .describedAs("Show the processes' states.",
                    "Exit status: 3 if a listed process is STOPPED/EXITED/FATAL/UNKNOWN,"
                            + " 4 for an unknown name or no daemon.")
            .withOperands("NAME", "group:process, group:*, all, or a process name.");

    static final int STATUS_NOT_RUNNING = 3;
    static final int STATUS_UNKNOWN = 4;

    @Override
    int unreachable(Unreachable e) {
        super.unreachable(e);
        return STATUS_UNKNOWN;
    }

    /** The table asks only for what it shows ({@link ProcessRow}s); {@code --json} for every process's whole info. */
    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        List<String> wanted = names().contains(NameResolver.ALL) ? List.of() : names();
        boolean json = args.flag("--json");
        JsonNode result = client.call(json ? Request.of("status", wanted) : Request.statusRows(wanted));
        List<Outcome> unknown = Wire.outcomes(result.get("unknown"));
        if (!unknown.isEmpty()) fail(STATUS_UNKNOWN);
        if (json) {
            List<ProcessInfo> processes = Wire.list(result.get("processes"), Wire::process);
            if (processes.stream().anyMatch(p -> p.state().isStopped())) fail(STATUS_NOT_RUNNING);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("processes", processes.stream().map(StatusTable::json).toList());
            doc.put("errors", unknown.stream().map(o -> Map.of("name", o.name(), "error", o.message())).toList());
            queues(client, doc);
            json(doc);
            return;
        }
        List<ProcessRow> rows = Wire.rows(result.get("processes"));
        for (ProcessRow row : rows) if (row.state().isStopped()) fail(STATUS_NOT_RUNNING);
        for (Outcome o : unknown) out(o.name() + ": ERROR (" + o.message() + ")");
        out(StatusTable.lines(rows));
    }

    /** The engines' queues beside the processes; a daemon without a broker view says why instead. */
    private static void queues(ControlClient client, Map<String, Object> doc) throws IOException {
        try {
            doc.put("queues", QueueTable.json(client.call(Request.of("pipeline"))));
        } catch (RemoteError e) {
            doc.put("queues_error", e.getMessage());
        }
    }
}
