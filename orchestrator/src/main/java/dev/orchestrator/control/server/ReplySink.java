package dev.orchestrator.control.server;

import dev.orchestrator.control.protocol.Reply;

import java.io.IOException;

/** Where a request's reply lines go; throws when the client has gone away. */
@FunctionalInterface
public interface ReplySink {
    void send(Reply reply) throws IOException;
}
