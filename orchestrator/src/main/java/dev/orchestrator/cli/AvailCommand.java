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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avail}: every configured process, in use or not, autostart or manual, with its priorities. */
@Command(name = "avail", description = "List the configured processes: in use or avail, auto or manual, priorities.")
final class AvailCommand extends NoArgumentsCommand {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        JsonNode config = client.call(Request.of("avail")).get("config");
        List<ConfigInfo> infos = Wire.list(config, Wire::config);
        if (json) json(Map.of("config", infos));
        else infos.forEach(c -> out(StatusTable.availLine(c)));
    }
}
