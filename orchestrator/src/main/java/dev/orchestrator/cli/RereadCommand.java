package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code reread}: re-reads the configuration and says which groups are {@code available}, {@code changed} or
 * {@code disappeared}, without applying anything (see {@code update}).
 */
final class RereadCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("reread")
            .describedAs("Re-read the configuration and list what changed, without applying it.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        JsonNode changes = client.call(Request.of("reread"));
        Map<String, String> byName = new TreeMap<>();
        changes.get("added").forEach(n -> byName.put(n.asText(), "available"));
        changes.get("changed").forEach(n -> byName.put(n.asText(), "changed"));
        changes.get("removed").forEach(n -> byName.put(n.asText(), "disappeared"));
        if (byName.isEmpty()) out("No config updates to processes");
        byName.forEach((name, what) -> out(name + ": " + what));
    }

    @Override
    void remoteError(RemoteError e) {
        if ("CANT_REREAD".equals(e.fault())) out("ERROR: CANT_REREAD: " + e.getMessage());
        else super.remoteError(e);
    }
}
