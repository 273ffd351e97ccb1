package dev.orchestrator.chaos.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A raw client of the control socket: sends any bytes and reads the reply lines, with a deadline, so that the
 * scenario can send what the real CLI never would.
 */
final class SocketAbuse implements AutoCloseable {

    private final SocketChannel channel;

    private SocketAbuse(SocketChannel channel) {
        this.channel = channel;
    }

    static SocketAbuse connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new SocketAbuse(channel);
    }

    SocketAbuse send(byte[] bytes) throws IOException {
        channel.configureBlocking(true);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) channel.write(buf);
        return this;
    }

    SocketAbuse send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one reply line (without its newline), or null at the end of the stream or after {@code timeout}. */
    String readLine(Duration timeout) throws IOException {
        StringBuilder line = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        long deadline = System.nanoTime() + timeout.toNanos();
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return null;
                if (selector.select(left) == 0) continue;
                selector.selectedKeys().clear();
                while (true) {
                    one.clear();
                    int n = channel.read(one);
                    if (n < 0) return line.isEmpty() ? null : line.toString();
                    if (n == 0) break;
                    if (one.get(0) == '\n') return line.toString();
                    line.append((char) one.get(0));
                }
            }
        }
    }

    /** Closes the writing side only: the daemon sees the end of the request stream. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    static byte[] junk(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') bytes[i] = 0;
        return bytes;
    }

    static byte[] repeat(char c, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
