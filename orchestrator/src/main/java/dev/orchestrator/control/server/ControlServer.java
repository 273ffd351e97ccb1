package dev.orchestrator.control.server;

import dev.orchestrator.control.protocol.ControlSocket;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.RequestReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.http.Acceptor;
import dev.orchestrator.http.Credentials;
import dev.orchestrator.http.Deadlines;
import dev.orchestrator.http.HttpConnection;
import dev.orchestrator.http.HttpLimits;
import dev.orchestrator.http.Routes;
import dev.orchestrator.supervision.Supervisor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The daemon's control endpoint on the {@link ControlSocket}: each client speaks either the CLI's JSON lines or HTTP,
 * told apart by how it starts (a request line with an upper-case method, a space and a slash; a JSON
 * request with {@code '{'}), and is served
 * on its own thread by the {@link Acceptor}. HTTP requests go to the {@link Routes} (supervisord's XML-RPC and
 * whatever else is mounted). A JSON line that is not a request (not JSON, over {@link Protocol#MAX_LINE}, cut short
 * by the client closing, an unknown method) gets an error reply; the daemon carries on. A client that sends nothing
 * for {@link #IDLE_TIMEOUT_SECONDS} is disconnected.
 *
 * <p>Close it at shutdown: that stops accepting, disconnects every client (ending {@code tail -f} streams) and
 * removes the socket file.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ControlServer.class);
    static final int IDLE_TIMEOUT_SECONDS = 60;

    private final ControlSocket socket;
    private final ControlService service;
    private final Routes routes;
    private final Credentials credentials;
    private final Deadlines deadlines = new Deadlines("control-timeout");
    private final Acceptor acceptor;
    private volatile boolean closed;

    private ControlServer(ControlSocket socket, Supervisor supervisor, Pipeline pipeline, Routes routes,
                          Credentials credentials) {
        this.socket = socket;
        this.service = new ControlService(supervisor, pipeline);
        this.routes = routes;
        this.credentials = credentials;
        this.acceptor = new Acceptor(socket.channel(), "control", this::serve, ControlServer::refuse);
    }

    /**
     * Binds the socket (0600, stale file replaced) and starts accepting clients. A directory every user may write
     * to is warned about: another user could remove the socket and put their own in its place.
     *
     * @param pipeline    for the {@code pipeline}, {@code errors} and {@code replay} methods, or null
     * @param routes      what HTTP requests on the socket reach
     * @param credentials required of HTTP requests ({@code [unix_http_server] username/password}), or null
     */
    public static ControlServer start(Path socketFile, Supervisor supervisor, Pipeline pipeline, Routes routes,
                                      Credentials credentials) throws IOException {
        ControlServer server = new ControlServer(ControlSocket.bind(socketFile), supervisor, pipeline, routes,
                credentials);
        Path dir = server.socket.path().getParent();
        if (Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE)) {
            LOG.warn("control socket directory {} is writable by every user: another user could replace the socket"
                    + " (set [unix_http_server] file in a directory only this user can write)", dir);
        }
        server.acceptor.start();
        LOG.info("control socket listening at {}", server.socket.path());
        return server;
    }

    public Path socketFile() { return socket.path(); }

    private static void refuse(SocketChannel client) throws IOException {
        write(client, Reply.error("FAILED", "too many clients (" + Acceptor.MAX_CLIENTS + ")"));
    }

    private void serve(SocketChannel client) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(SNIFF_BYTES);
        try (Deadlines.Armed idle = deadlines.armRead(client, IDLE_TIMEOUT_SECONDS)) {
            if (!sniff(client, head)) return;
        }
        head.flip();
        if (looksLikeHttp(head)) {
            new HttpConnection(client, head, routes, credentials, HttpLimits.DEFAULT, deadlines).serve();
        } else {
            serveLines(client, new RequestReader(new Prefixed(head, client)));
        }
    }

    /** Longest start read to tell the protocols apart: an HTTP method, a space, a slash. */
    private static final int SNIFF_BYTES = 16;

    /**
     * Reads byte by byte while the start can still be an HTTP request line ({@code METHOD /}: upper-case letters,
     * a space, a slash); false if the client closed before sending anything.
     */
    private static boolean sniff(SocketChannel client, ByteBuffer head) throws IOException {
        while (head.hasRemaining()) {
            int at = head.position();
            if (client.read(head.slice(at, 1)) < 0) return at > 0;
            head.position(at + 1);
            byte b = head.get(at);
            if (b == ' ' && at > 0) { // the method ended: the target's first byte decides
                if (head.hasRemaining() && client.read(head.slice(at + 1, 1)) > 0) head.position(at + 2);
                return true;
            }
            if (b < 'A' || b > 'Z') return true;
        }
        return true;
    }

    /** {@code METHOD /}: an HTTP request line (RFC 9110's methods are upper case); JSON lines start with '{'. */
    private static boolean looksLikeHttp(ByteBuffer head) {
        int n = head.remaining();
        if (n < 3 || head.get(n - 1) != '/' || head.get(n - 2) != ' ') return false;
        for (int i = 0; i < n - 2; i++) {
            if (head.get(i) < 'A' || head.get(i) > 'Z') return false;
        }
        return true;
    }

    private void serveLines(SocketChannel client, RequestReader reader) throws IOException {
        try {
            while (!closed) {
                RequestReader.Line line;
                try (Deadlines.Armed idle = deadlines.arm(client, IDLE_TIMEOUT_SECONDS)) {
                    line = reader.next();
                }
                switch (line.kind()) {
                    case END -> { return; }
                    case TRUNCATED -> {
                        write(client, Reply.error("INCORRECT_PARAMETERS", "request cut short (no end of line)"));
                        return;
                    }
                    case OVERSIZED -> write(client, Reply.error("INCORRECT_PARAMETERS",
                            "request longer than " + Protocol.MAX_LINE + " bytes"));
                    case REQUEST -> answer(client, line.text());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("control request failed", e);
        }
    }

    private void answer(SocketChannel client, String text) throws IOException {
        Request request;
        try {
            request = Protocol.JSON.readValue(text, Request.class);
        } catch (JsonProcessingException e) {
            write(client, Reply.error("INCORRECT_PARAMETERS", "not a request: " + e.getOriginalMessage()));
            return;
        }
        if (request == null) {
            write(client, Reply.error("INCORRECT_PARAMETERS", "not a request: empty line"));
            return;
        }
        service.handle(request, reply -> write(client, reply));
    }

    private static void write(SocketChannel client, Reply reply) throws IOException {
        byte[] json = Protocol.JSON.writeValueAsBytes(reply);
        ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (client) {
            while (buf.hasRemaining()) client.write(buf);
        }
    }

    /** Stops accepting, disconnects every client, removes the socket file. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        socket.close(); // the file goes before any client sees its connection end
        acceptor.close();
        deadlines.close();
        LOG.info("control socket closed, {} removed", socket.path());
    }

    /** The client's channel with the bytes already read put back in front. */
    private record Prefixed(ByteBuffer head, ReadableByteChannel rest) implements ReadableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!head.hasRemaining()) return rest.read(dst);
            int n = Math.min(head.remaining(), dst.remaining());
            dst.put(head.slice(head.position(), n));
            head.position(head.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() { return rest.isOpen(); }

        @Override
        public void close() throws IOException { rest.close(); }
    }
}
