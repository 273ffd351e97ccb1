package dev.orchestrator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One parsed HTTP/1.x request: method, request target, version ({@code HTTP/1.0} or {@code HTTP/1.1}), headers by
 * lower-case name, and the body ({@code Content-Length} bytes, empty when none).
 */
public record HttpRequest(String method, String target, String version, Map<String, String> headers, byte[] body) {

    /** The header's value, or null. */
    public String header(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }

    /** The target's path without the query, percent-decoded. */
    public String path() {
        int q = target.indexOf('?');
        String raw = q < 0 ? target : target.substring(0, q);
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The target's query (after {@code ?}), or an empty string. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /** HTTP/1.1 keeps the connection unless {@code Connection: close}; HTTP/1.0 only with {@code keep-alive}. */
    boolean keepAlive() {
        String connection = header("connection");
        String c = connection == null ? "" : connection.toLowerCase(java.util.Locale.ROOT);
        return "HTTP/1.1".equals(version) ? !c.contains("close") : c.contains("keep-alive");
    }
}
