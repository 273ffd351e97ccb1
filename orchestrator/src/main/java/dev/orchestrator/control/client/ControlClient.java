package dev.orchestrator.control.client;

import dev.orchestrator.control.protocol.ControlSocket;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.Wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The CLI's side of the control socket: sends requests and reads reply lines. One connection can carry several
 * requests in turn. Light on purpose (no logging, no configuration library, no JSON data binding: {@link Wire})
 * so that a CLI command starts fast.
 */
public final class ControlClient implements AutoCloseable {

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects, or says in supervisorctl's words why not ({@code unix:///x no such file}, {@code refused connection}). */
    public static ControlClient connect(Path socket) throws Unreachable {
        try {
            return new ControlClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        } catch (ConnectException e) {
            throw new Unreachable(socket, Unreachable.Reason.REFUSED, "refused connection");
        } catch (IOException e) {
            if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
                throw new Unreachable(socket, Unreachable.Reason.NO_FILE, "no such file");
            }
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new Unreachable(socket, Unreachable.Reason.OTHER, why.toLowerCase());
        }
    }

    /** True if a daemon accepts connections at {@code socket}. */
    public static boolean answers(Path socket) {
        return ControlSocket.answers(socket);
    }

    /** The failure to report for {@code socket} when no daemon answers there. */
    public static Unreachable unreachable(Path socket) {
        return Files.exists(socket, LinkOption.NOFOLLOW_LINKS)
                ? new Unreachable(socket, Unreachable.Reason.REFUSED, "refused connection")
                : new Unreachable(socket, Unreachable.Reason.NO_FILE, "no such file");
    }

    /**
     * Sends {@code request}, hands every intermediate line ({@code item}, {@code data}) to {@code lines} (none when
     * null), and returns the final result. An error reply is thrown as {@link RemoteError}.
     */
    public JsonNode call(Request request, Consumer<Reply> lines) throws IOException, RemoteError {
        out.write(Wire.request(request));
        out.write('\n');
        out.flush();
        while (true) {
            String line = in.readLine();
            if (line == null) throw new Disconnected();
            Reply reply = Wire.reply(line);
            if (reply.error() != null) throw new RemoteError(reply.error().fault(), reply.error().message());
            if (reply.result() != null) return reply.result();
            if (lines != null && (reply.item() != null || reply.data() != null)) lines.accept(reply);
        }
    }

    /** {@link #call} for a request without intermediate lines. */
    public JsonNode call(Request request) throws IOException, RemoteError {
        return call(request, null);
    }

    /** Blocks until the daemon closes the connection (it does when it has shut down). */
    public void awaitDisconnect() throws IOException {
        while (in.readLine() != null) {
            // the daemon says nothing more; wait for the end
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The daemon closed the connection before a final reply. */
    public static final class Disconnected extends IOException {
        Disconnected() { super("the daemon closed the connection"); }
    }

    /** An error reply: a supervisord fault name and its text. */
    public static final class RemoteError extends Exception {
        private final String fault;

        public RemoteError(String fault, String message) {
            super(message);
            this.fault = fault;
        }

        public String fault() { return fault; }
    }

    /** No daemon answers at the socket; the message is supervisorctl's line, e.g. {@code unix:///x no such file}. */
    public static final class Unreachable extends Exception {
        public enum Reason { NO_FILE, REFUSED, OTHER }

        private final Reason reason;

        Unreachable(Path socket, Reason reason, String what) {
            super("unix://" + socket.toAbsolutePath() + " " + what);
            this.reason = reason;
        }

        public Reason reason() { return reason; }
    }
}
