package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;

/** {@code version}: the running daemon's version ({@code orchestrator --version} is the CLI's own). */
final class VersionCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("version")
            .describedAs("Show the version of the running daemon.");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        out(client.call(Request.of("version")).get("version").asText());
    }
}
