package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.client.StatusTable;
import dev.orchestrator.control.protocol.Wire;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code avail}: every configured process, in use or not, autostart or manual, with its priorities. */
final class AvailCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("avail", CommandSyntax.Flag.of("--json", "Print JSON."))
            .describedAs("List the configured processes: in use or avail, auto or manual, priorities.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        JsonNode config = client.call(Request.of("avail")).get("config");
        List<ConfigInfo> infos = Wire.list(config, Wire::config);
        if (args.flag("--json")) json(Map.of("config", infos));
        else infos.forEach(c -> out(StatusTable.availLine(c)));
    }
}
