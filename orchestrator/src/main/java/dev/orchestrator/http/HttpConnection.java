package dev.orchestrator.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Serves one client's HTTP/1.x requests in turn on the calling thread, strictly: a request line
 * {@code METHOD /target HTTP/1.x}, header fields {@code name: value} (no folding, no space before the colon, a
 * {@code Host} in HTTP/1.1), a body by {@code Content-Length} only. What breaks these rules or the
 * {@link HttpLimits} is answered with its 4xx or 5xx status and a one-line reason, and the connection closed;
 * leading empty lines before a request are skipped (RFC 9112 2.2; supervisorctl's tail -f client sends one).
 */
public final class HttpConnection {

    private static final Logger LOG = LogManager.getLogger(HttpConnection.class);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern REQUEST_LINE = Pattern.compile("(\\S+) (\\S+) (HTTP/\\d\\.\\d)");

    private static final int LINGER_SECONDS = 2;

    private final SocketChannel channel;
    private final Routes routes;
    private final Credentials credentials;
    private final HttpLimits limits;
    private final Deadlines deadlines;
    private final ByteBuffer buf;

    /**
     * @param initial bytes already read from the client (the protocol sniffing of a shared socket), or empty
     * @param credentials required of every request, or null for none
     */
    public HttpConnection(SocketChannel channel, ByteBuffer initial, Routes routes, Credentials credentials,
                          HttpLimits limits, Deadlines deadlines) {
        this.channel = channel;
        this.routes = routes;
        this.credentials = credentials;
        this.limits = limits;
        this.deadlines = deadlines;
        this.buf = ByteBuffer.allocate(limits.maxHeadBytes());
        buf.put(initial).flip();
    }

    /** Serves requests until the client closes, a request is refused, or the connection is not kept alive. */
    public void serve() throws IOException {
        while (true) {
            HttpRequest request;
            try {
                request = next();
            } catch (HttpError e) {
                refuse(e);
                return;
            }
            if (request == null) return;
            HttpExchange exchange = new HttpExchange(request, channel, deadlines);
            dispatch(exchange);
            if (!exchange.keepAlive()) return;
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        HttpRequest request = exchange.request();
        try {
            if (credentials != null && !credentials.accept(request.header("authorization"))) {
                exchange.header("WWW-Authenticate", "Basic realm=\"default\"");
                throw new HttpError(401, "unauthorized: this server needs a user name and password");
            }
            HttpHandler handler = routes.find(request.path())
                    .orElseThrow(() -> new HttpError(404, "not found: " + request.path()));
            handler.handle(exchange);
            if (!exchange.answered()) throw new IllegalStateException("no answer to " + request.target());
        } catch (HttpError e) {
            if (exchange.answered()) throw new IOException(e.getMessage(), e);
            exchange.respond(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("HTTP {} {} failed", request.method(), request.target(), e);
            if (exchange.answered()) throw new IOException(e.getMessage(), e);
            exchange.closeAfter();
            exchange.respond(500, "internal error: " + e);
        }
    }

    /** The next request, or null when the client closed between requests. */
    private HttpRequest next() throws IOException {
        String head;
        try (Deadlines.Armed idle = deadlines.armRead(channel, limits.idleSeconds())) {
            if (!awaitFirstByte()) return null;
        }
        try (Deadlines.Armed deadline = deadlines.armRead(channel, limits.requestSeconds())) {
            head = readHead(deadline);
            return parse(head, deadline);
        }
    }

    /** Skips empty lines; false at the end of input before any request byte. */
    private boolean awaitFirstByte() throws IOException {
        while (true) {
            while (buf.hasRemaining()) {
                byte b = buf.get(buf.position());
                if (b != '\r' && b != '\n') return true;
                buf.get();
            }
            buf.clear();
            int n = channel.read(buf);
            buf.flip();
            if (n < 0) return false;
        }
    }

    private String readHead(Deadlines.Armed deadline) throws IOException {
        int scanned = buf.position();
        while (true) {
            int end = headEnd(scanned);
            if (end >= 0) {
                String head = new String(buf.array(), buf.position(), end - buf.position(),
                        StandardCharsets.ISO_8859_1);
                buf.position(end);
                return head;
            }
            if (buf.position() == 0 && buf.limit() == buf.capacity()) {
                throw new HttpError(431, "request head longer than " + limits.maxHeadBytes() + " bytes");
            }
            int pending = buf.remaining();
            buf.compact();
            int n = channel.read(buf);
            buf.flip();
            scanned = Math.max(0, pending - 2);
            if (n < 0) throw cut(deadline, "request head");
        }
    }

    /** The index just after the blank line ending the head (CRLF CRLF, or LF LF), or -1. */
    private int headEnd(int from) {
        byte[] a = buf.array();
        for (int i = Math.max(from, buf.position()); i < buf.limit(); i++) {
            if (a[i] != '\n') continue;
            if (i + 1 < buf.limit() && a[i + 1] == '\n') return i + 2;
            if (i + 2 < buf.limit() && a[i + 1] == '\r' && a[i + 2] == '\n') return i + 3;
        }
        return -1;
    }

    private HttpRequest parse(String head, Deadlines.Armed deadline) throws IOException {
        String[] lines = head.split("\r?\n");
        var m = REQUEST_LINE.matcher(lines[0]);
        if (!m.matches() || !TOKEN.matcher(m.group(1)).matches()) {
            throw new HttpError(400, "bad request line: " + printable(lines[0]));
        }
        String method = m.group(1);
        String target = m.group(2);
        String version = m.group(3);
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpError(505, "HTTP version not supported: " + version);
        }
        if (!target.startsWith("/")) throw new HttpError(400, "bad request target: " + printable(target));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (!TOKEN.matcher(name).matches()) throw new HttpError(400, "bad header line: " + printable(line));
            String key = name.toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(key, value, (a, b) -> {
                if (key.equals("content-length") || key.equals("host")) {
                    throw new HttpError(400, "header " + name + " given twice");
                }
                return a + ", " + b;
            });
        }
        if (version.equals("HTTP/1.1") && !headers.containsKey("host")) {
            throw new HttpError(400, "an HTTP/1.1 request needs a Host header");
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new HttpError(501, "request bodies in Transfer-Encoding " + headers.get("transfer-encoding")
                    + " are not supported: send Content-Length");
        }
        byte[] body = body(headers.get("content-length"), deadline);
        return new HttpRequest(method, target, version, Map.copyOf(headers), body);
    }

    private byte[] body(String contentLength, Deadlines.Armed deadline) throws IOException {
        if (contentLength == null) return new byte[0];
        if (!contentLength.matches("\\d{1,10}")) {
            throw new HttpError(400, "bad Content-Length: " + printable(contentLength));
        }
        long length = Long.parseLong(contentLength);
        if (length > limits.maxBodyBytes()) {
            throw new HttpError(413, "request body of " + length + " bytes is over the limit of "
                    + limits.maxBodyBytes());
        }
        ByteBuffer body = ByteBuffer.allocate((int) length);
        int fromBuffer = Math.min(buf.remaining(), body.capacity());
        body.put(buf.array(), buf.position(), fromBuffer);
        buf.position(buf.position() + fromBuffer);
        while (body.hasRemaining()) {
            if (channel.read(body) < 0) throw cut(deadline, "request body");
        }
        return body.array();
    }

    private HttpError cut(Deadlines.Armed deadline, String what) {
        return deadline.expired()
                ? new HttpError(408, what + " not received within " + limits.requestSeconds() + " s")
                : new HttpError(400, what + " cut short");
    }

    /**
     * Answers a request that was not read whole, then closes lingering: the output first, then the input once the
     * client stops sending (at most {@link #LINGER_SECONDS}), so that the client reads the
     * answer instead of a reset for the bytes left unread.
     */
    private void refuse(HttpError e) {
        try {
            HttpExchange.refuse(channel, deadlines, e.status(), e.getMessage());
            channel.shutdownOutput();
            ByteBuffer sink = ByteBuffer.allocate(4096);
            try (Deadlines.Armed linger = deadlines.armRead(channel, LINGER_SECONDS)) {
                while (channel.read(sink.clear()) >= 0) {
                    // discard what the client still sends
                }
            }
        } catch (IOException gone) {
            LOG.debug("HTTP client gone before its {} answer: {}", e.status(), gone.getMessage());
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
