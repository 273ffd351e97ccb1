package dev.orchestrator.control.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static RequestReader reader(byte[] bytes) {
        return new RequestReader(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }

    @Test
    void splitsLinesThenEnds() throws Exception {
        RequestReader r = reader("{\"a\":1}\n{\"b\":\"é\"}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(new RequestReader.Line(RequestReader.Kind.REQUEST, "{\"a\":1}"), r.next());
        assertEquals(new RequestReader.Line(RequestReader.Kind.REQUEST, "{\"b\":\"é\"}"), r.next());
        assertEquals(RequestReader.Kind.END, r.next().kind());
    }

    @Test
    void halfWrittenLineIsTruncated() throws Exception {
        assertEquals(RequestReader.Kind.TRUNCATED, reader("{\"method\":".getBytes(StandardCharsets.UTF_8)).next().kind());
    }

    @Test
    void lineOverTheLimitIsRefusedAndExactlyTheLimitIsNot() throws Exception {
        byte[] max = new byte[Protocol.MAX_LINE + 1];
        java.util.Arrays.fill(max, (byte) 'x');
        max[Protocol.MAX_LINE] = '\n';
        assertEquals(Protocol.MAX_LINE, reader(max).next().text().length());
        byte[] over = new byte[Protocol.MAX_LINE * 3];
        java.util.Arrays.fill(over, (byte) 'x');
        assertEquals(RequestReader.Kind.OVERSIZED, reader(over).next().kind());
        byte[] next = "{}\n".getBytes(StandardCharsets.UTF_8);
        over[over.length - 1] = '\n';
        byte[] both = java.util.Arrays.copyOf(over, over.length + next.length);
        System.arraycopy(next, 0, both, over.length, next.length);
        RequestReader r = reader(both);
        assertEquals(RequestReader.Kind.OVERSIZED, r.next().kind());
        assertEquals(new RequestReader.Line(RequestReader.Kind.REQUEST, "{}"), r.next(), "the line after is read");
    }
}
