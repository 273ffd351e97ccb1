package dev.orchestrator.control.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Splits a client's bytes into request lines of at most {@link Protocol#MAX_LINE} bytes. A longer line is skipped
 * up to its end and reported as {@code OVERSIZED}; the reader never buffers more than the limit, whatever the
 * client sends.
 */
public final class RequestReader {

    public enum Kind { REQUEST, END, TRUNCATED, OVERSIZED }

    /** A complete line ({@code REQUEST}), a clean end of input, input cut short, or a line over the limit. */
    public record Line(Kind kind, String text) {}

    private final ReadableByteChannel in;
    private final ByteBuffer buf = ByteBuffer.allocate(Protocol.MAX_LINE + 1);
    private int scanned;

    public RequestReader(ReadableByteChannel in) {
        this.in = in;
        buf.limit(0);
    }

    public Line next() throws IOException {
        while (true) {
            for (int i = scanned; i < buf.limit(); i++) {
                if (buf.get(i) == '\n') {
                    String text = new String(buf.array(), 0, i, StandardCharsets.UTF_8);
                    buf.position(i + 1).compact().flip();
                    scanned = 0;
                    return new Line(Kind.REQUEST, text);
                }
            }
            scanned = buf.limit();
            if (buf.limit() > Protocol.MAX_LINE) return skipLine();
            buf.position(buf.limit()).limit(buf.capacity());
            int n = in.read(buf);
            buf.flip();
            if (n < 0) return new Line(buf.limit() == 0 ? Kind.END : Kind.TRUNCATED, null);
        }
    }

    /** Discards the rest of an oversized line, up to its newline (kept input follows it) or the end of input. */
    private Line skipLine() throws IOException {
        while (true) {
            buf.clear();
            int n = in.read(buf);
            buf.flip();
            scanned = 0;
            if (n < 0) return new Line(Kind.OVERSIZED, null);
            for (int i = 0; i < buf.limit(); i++) {
                if (buf.get(i) == '\n') {
                    buf.position(i + 1).compact().flip();
                    return new Line(Kind.OVERSIZED, null);
                }
            }
        }
    }
}
