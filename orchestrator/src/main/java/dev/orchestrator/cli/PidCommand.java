package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.NameResolver;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.List;

/**
 * {@code pid [NAME...|all]}: the daemon's pid, or each process's synthetic pid (0 when not running: exit 7).
 */
final class PidCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("pid")
            .describedAs("Print the daemon's pid, or the pid of each named process (all: every one).",
                    "A process's pid is a synthetic id, 0 when it is not running (exit status 7).")
            .withOperands("NAME", "Process names, or all.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        List<String> names = names();
        if (names.isEmpty()) {
            out(client.call(Request.of("pid")).get("pid").asText());
            return;
        }
        List<List<String>> queries = names.contains(NameResolver.ALL)
                ? List.of(List.of()) : names.stream().map(List::of).toList();
        for (List<String> query : queries) {
            JsonNode result = client.call(Request.of("status", query));
            if (!result.get("unknown").isEmpty()) {
                out("No such process " + query.get(0));
                fail(GENERIC);
            }
            for (JsonNode p : result.get("processes")) {
                long pid = p.get("pid").asLong();
                out(Long.toString(pid));
                if (pid == 0 && !query.isEmpty()) fail(NOT_RUNNING);
            }
        }
    }
}
