package dev.orchestrator.web;

import dev.orchestrator.http.HttpError;
import dev.orchestrator.http.HttpExchange;
import dev.orchestrator.http.HttpHandler;
import dev.orchestrator.metrics.DaemonMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics}: the daemon's Prometheus metrics, scraped at each request. */
final class MetricsEndpoint implements HttpHandler {

    static final String PATH = "/metrics";

    private final DaemonMetrics metrics;

    MetricsEndpoint(DaemonMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) throw new HttpError(405, method + " is not allowed");
        if (!exchange.request().path().equals(PATH)) throw new HttpError(404, "no such page: " + exchange.request().path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        exchange.respond(200, DaemonMetrics.CONTENT_TYPE, out.toByteArray());
    }
}
