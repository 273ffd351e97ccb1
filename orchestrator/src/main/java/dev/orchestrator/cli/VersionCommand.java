package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code version}: the running daemon's version ({@code orchestrator --version} is the CLI's own). */
@Command(name = "version", description = "Show the version of the running daemon.")
final class VersionCommand extends NoArgumentsCommand {

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        out(client.call(Request.of("version")).get("version").asText());
    }
}
