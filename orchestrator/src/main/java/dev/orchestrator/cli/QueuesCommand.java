package dev.orchestrator.cli;

import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.client.QueueTable;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.Map;

/** {@code queues}: each engine queue's depth, consumers and input rate, and its error queue's count. */
final class QueuesCommand extends ControlCommand {

    static final CommandSyntax SYNTAX = CommandSyntax.of("queues", CommandSyntax.Flag.of("--json", "Print JSON."))
            .describedAs("Show each engine queue's messages, consumers and input rate, and the count "
                    + "of its error queue (orchestrator errors ENGINE lists them).");

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        var pipeline = client.call(Request.of("pipeline"));
        if (args.flag("--json")) json(Map.of("queues", QueueTable.json(pipeline)));
        else QueueTable.lines(pipeline).forEach(this::out);
    }
}
