package dev.orchestrator.http;

import java.io.IOException;

/**
 * Serves the requests that {@link Routes} gives it (those under its path prefix). It answers through the exchange,
 * once; throwing {@link HttpError} answers with that status and one line, any other exception with 500.
 */
@FunctionalInterface
public interface HttpHandler {

    void handle(HttpExchange exchange) throws IOException;
}
