package dev.orchestrator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The strict HTTP/1.x server over a real TCP socket: requests as clients send them, and what breaks the rules or the
 * limits answered with its status and one line (RFC 9112 for the message syntax).
 */
class HttpConnectionTest {

    private static final HttpLimits SMALL = new HttpLimits(1024, 4096, 1, 2);

    private final Routes routes = new Routes()
            .add("/echo", ex -> ex.respond(200, "text/plain", ex.request().body()))
            .add("/path", ex -> ex.respond(200, ex.request().method() + " " + ex.request().path()
                    + " ?" + ex.request().query()))
            .add("/stream", ex -> {
                try (OutputStream out = ex.stream(200, "text/plain")) {
                    out.write("one ".getBytes(StandardCharsets.UTF_8));
                    out.write("two".getBytes(StandardCharsets.UTF_8));
                }
            })
            .add("/teapot", ex -> { throw new HttpError(405, "only GET here"); })
            .add("/broken", ex -> { throw new IllegalStateException("a bug"); });
    private final Deadlines deadlines = new Deadlines("test-timeout");
    private ServerSocketChannel listening;
    private Acceptor acceptor;
    private Credentials credentials;

    @BeforeEach
    void listen() throws IOException {
        listening = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        acceptor = new Acceptor(listening, "test-http",
                c -> new HttpConnection(c, ByteBuffer.allocate(0), routes, credentials, SMALL, deadlines).serve(),
                c -> { }).start();
    }

    @AfterEach
    void close() {
        acceptor.close();
        deadlines.close();
    }

    /** Sends {@code request} as is and returns everything the server sends until it closes. */
    private String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", ((InetSocketAddress) listening.getLocalAddress()).getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void keptAliveConnectionServesRequestsInTurnWithBodies() throws IOException {
        String out = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /path/a%20b?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n"), out);
        assertTrue(out.contains("Content-Length: 5\r\n\r\nhello"), out);
        assertAnswer("HTTP/1.1 200 OK", "GET /path/a b ?q=1", out.substring(out.indexOf("hello") + 5));
    }

    @Test
    void http10ClosesAfterTheAnswerAndLeadingEmptyLinesAreSkipped() throws IOException {
        String out = exchange("\r\n\r\nGET /path HTTP/1.0\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 200 OK\r\n") && out.contains("Connection: close\r\n"), out);
        assertTrue(out.endsWith("GET /path ?\n"), out);
    }

    @Test
    void streamIsChunkedForHttp11() throws IOException {
        String out = exchange("GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(out.contains("Transfer-Encoding: chunked\r\n"), out);
        assertTrue(out.endsWith("\r\n\r\n4\r\none \r\n3\r\ntwo\r\n0\r\n\r\n"), out);
    }

    @Test
    void headAnswersWithoutTheBody() throws IOException {
        String out = exchange("HEAD /path HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(out.endsWith("Content-Length: 13\r\nConnection: close\r\n\r\n"), out);
    }

    @Test
    void badRequestsGetTheirStatusAndOneLine() throws IOException {
        assertAnswer("HTTP/1.1 404 Not Found", "not found: /nowhere",
                exchange("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "bad request line: GET /path",
                exchange("GET /path\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "bad request target: http://x/",
                exchange("GET http://x/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertAnswer("HTTP/1.1 505 HTTP Version Not Supported", "HTTP version not supported: HTTP/2.0",
                exchange("GET /path HTTP/2.0\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "an HTTP/1.1 request needs a Host header",
                exchange("GET /path HTTP/1.1\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "bad header line:  folded",
                exchange("GET /path HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "bad header line: Bad Name: 1",
                exchange("GET /path HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n"));
        assertAnswer("HTTP/1.1 400 Bad Request", "header Content-Length given twice",
                exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"));
        assertAnswer("HTTP/1.1 400 Bad Request", "bad Content-Length: -1",
                exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"));
        assertAnswer("HTTP/1.1 501 Not Implemented",
                "request bodies in Transfer-Encoding chunked are not supported: send Content-Length",
                exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        assertAnswer("HTTP/1.1 405 Method Not Allowed", "only GET here",
                exchange("GET /teapot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertAnswer("HTTP/1.1 500 Internal Server Error", "internal error: java.lang.IllegalStateException: a bug",
                exchange("GET /broken HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void oversizedHeadAndBodyAreRefusedUnread() throws IOException {
        assertAnswer("HTTP/1.1 431 Request Header Fields Too Large", "request head longer than 1024 bytes",
                exchange("GET /path HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(2000) + "\r\n\r\n"));
        assertAnswer("HTTP/1.1 413 Content Too Large", "request body of 5000 bytes is over the limit of 4096",
                exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"));
    }

    @Test
    void slowClientIsAnswered408AndIdleOneDisconnected() throws IOException {
        Instant t0 = Instant.now();
        assertAnswer("HTTP/1.1 408 Request Timeout", "request body not received within 1 s",
                exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"));
        assertTrue(Duration.between(t0, Instant.now()).toMillis() < 5000);
        assertEquals("", exchange(""));
    }

    @Test
    void basicAuthWithPlainAndShaPasswords() throws IOException {
        credentials = new Credentials("user", "secret");
        String none = exchange("GET /path HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertAnswer("HTTP/1.1 401 Unauthorized", "unauthorized: this server needs a user name and password", none);
        assertTrue(none.contains("WWW-Authenticate: Basic realm=\"default\"\r\n"), none);
        assertTrue(get("user:secret").startsWith("HTTP/1.1 200 "));
        assertTrue(get("user:wrong").startsWith("HTTP/1.1 401 "));
        assertTrue(get("other:secret").startsWith("HTTP/1.1 401 "));
        credentials = new Credentials("user", "{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4"); // sha1("secret")
        assertTrue(get("user:secret").startsWith("HTTP/1.1 200 "));
        assertTrue(get("user:{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4").startsWith("HTTP/1.1 401 "));
    }

    private String get(String userPassword) throws IOException {
        String auth = Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
        return exchange("GET /path HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertAnswer(String statusLine, String line, String out) {
        assertTrue(out.startsWith(statusLine + "\r\n"), out);
        assertTrue(out.contains("Connection: close\r\n"), out);
        assertTrue(out.endsWith("\r\n\r\n" + line + "\n"), out);
    }
}
