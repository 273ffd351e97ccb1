package dev.orchestrator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request and its answer: either a whole body ({@link #respond}) or a stream ({@link #stream}: chunked for
 * HTTP/1.1 clients, ended by closing for HTTP/1.0 ones), never both. Every write is bounded by the connection's
 * write timeout, so a client that stops reading cannot hold the thread forever.
 */
public final class HttpExchange {

    private final HttpRequest request;
    private final SocketChannel channel;
    private final Deadlines deadlines;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean keepAlive;
    private boolean answered;

    HttpExchange(HttpRequest request, SocketChannel channel, Deadlines deadlines) {
        this.request = request;
        this.channel = channel;
        this.deadlines = deadlines;
        this.keepAlive = request.keepAlive();
    }

    public HttpRequest request() { return request; }

    /** Adds a header to the answer (before it is sent). */
    public HttpExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Answers with the whole body and its length. */
    public void respond(int status, String contentType, byte[] body) throws IOException {
        header("Content-Type", contentType).header("Content-Length", Integer.toString(body.length));
        byte[] head = head(status);
        boolean withBody = !"HEAD".equals(request.method());
        ByteBuffer all = ByteBuffer.allocate(head.length + (withBody ? body.length : 0)).put(head);
        if (withBody) all.put(body);
        write(all.flip());
    }

    /** Answers with a one-line plain-text body. */
    public void respond(int status, String line) throws IOException {
        respond(status, "text/plain; charset=utf-8", (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts a streamed answer: each {@code write} is sent at once. Closing the stream ends the answer (and, for an
     * HTTP/1.0 client, the connection).
     */
    public OutputStream stream(int status, String contentType) throws IOException {
        boolean chunked = "HTTP/1.1".equals(request.version());
        if (chunked) header("Transfer-Encoding", "chunked");
        else keepAlive = false;
        header("Content-Type", contentType);
        write(ByteBuffer.wrap(head(status)));
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) return;
                if (!chunked) {
                    HttpExchange.this.write(ByteBuffer.wrap(b, off, len));
                    return;
                }
                byte[] size = (Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                HttpExchange.this.write(ByteBuffer.allocate(size.length + len + 2).put(size).put(b, off, len)
                        .put((byte) '\r').put((byte) '\n').flip());
            }

            @Override
            public void close() throws IOException {
                if (chunked) HttpExchange.this.write(ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
        };
    }

    /**
     * True once the client has closed its side (checked without blocking); a streaming handler polls it between
     * writes so that a client that went away is noticed even when there is nothing to send.
     */
    public boolean clientGone() {
        ByteBuffer one = ByteBuffer.allocate(1);
        synchronized (channel.blockingLock()) {
            try {
                channel.configureBlocking(false);
                try {
                    return channel.read(one) < 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException e) {
                return true;
            }
        }
    }

    /** Answers a client whose request was not read (refused, or not understood) and ends the connection. */
    static void refuse(SocketChannel channel, Deadlines deadlines, int status, String reason) throws IOException {
        HttpRequest none = new HttpRequest("GET", "/", "HTTP/1.0", Map.of(), new byte[0]);
        new HttpExchange(none, channel, deadlines).respond(status, reason);
    }

    boolean answered() { return answered; }

    boolean keepAlive() { return keepAlive; }

    /** Ends the connection after this answer. */
    void closeAfter() { keepAlive = false; }

    private byte[] head(int status) {
        if (answered) throw new IllegalStateException("answered twice");
        answered = true;
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(HttpStatus.reason(status))
                .append("\r\nServer: orchestrator\r\n");
        if (!keepAlive) headers.put("Connection", "close");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void write(ByteBuffer buf) throws IOException {
        try (Deadlines.Armed ignored = deadlines.arm(channel, Deadlines.WRITE_SECONDS)) {
            while (buf.hasRemaining()) channel.write(buf);
        }
    }
}
