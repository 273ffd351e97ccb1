package dev.orchestrator.web;

import dev.orchestrator.http.HttpError;
import dev.orchestrator.http.HttpExchange;
import dev.orchestrator.http.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard: one page and its script and style sheet, read once from the classpath and served by the daemon
 * (no build step, nothing from elsewhere). Only these paths exist: any other is 404, so no request can reach a
 * file by its name. The page carries the {@link CsrfGuard}'s token for its state-changing requests.
 */
final class Dashboard implements HttpHandler {

    static final String PAGE = "/";
    static final String ASSETS = "/ui/";

    private record Asset(String contentType, byte[] body) {}

    private final Map<String, Asset> assets;

    Dashboard(CsrfGuard csrf) {
        String page = new String(read("index.html"), StandardCharsets.UTF_8).replace("{{TOKEN}}", csrf.token());
        this.assets = Map.of(
                PAGE, new Asset("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8)),
                ASSETS + "dashboard.js", new Asset("text/javascript; charset=utf-8", read("dashboard.js")),
                ASSETS + "dashboard.css", new Asset("text/css; charset=utf-8", read("dashboard.css")));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) throw new HttpError(405, method + " is not allowed");
        Asset asset = assets.get(exchange.request().path());
        if (asset == null) throw new HttpError(404, "no such page: " + exchange.request().path());
        exchange.header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        exchange.respond(200, asset.contentType(), asset.body());
    }

    private static byte[] read(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
