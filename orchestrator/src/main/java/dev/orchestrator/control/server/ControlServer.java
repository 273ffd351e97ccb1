package dev.orchestrator.control.server;

import dev.orchestrator.control.protocol.ControlSocket;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.RequestReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.Supervisor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The daemon's control endpoint: accepts clients on the {@link ControlSocket} and serves each on its own thread,
 * reading request lines and answering through the {@link ControlService}. A line that is not a request (not JSON,
 * over {@link Protocol#MAX_LINE}, cut short by the client closing, an unknown method) gets an error reply; the
 * daemon carries on. A client that sends nothing for {@link #IDLE_TIMEOUT_SECONDS} is disconnected.
 *
 * <p>Start it with {@link #start(Path, Supervisor)} and close it at shutdown: that stops accepting, disconnects every
 * client (ending {@code tail -f} streams) and removes the socket file.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ControlServer.class);
    static final int IDLE_TIMEOUT_SECONDS = 60;
    static final int MAX_CLIENTS = 128;

    private final ControlSocket socket;
    private final ControlService service;
    private final ExecutorService clients = Executors.newCachedThreadPool(threads("control-client"));
    private final ScheduledExecutorService timeouts =
            Executors.newSingleThreadScheduledExecutor(threads("control-timeout"));
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(ControlSocket socket, Supervisor supervisor, Pipeline pipeline) {
        this.socket = socket;
        this.service = new ControlService(supervisor, pipeline);
        this.acceptor = threads("control-accept").newThread(this::acceptLoop);
    }

    /** Binds the socket (0600, stale file replaced) and starts accepting clients. */
    public static ControlServer start(Path socketFile, Supervisor supervisor) throws IOException {
        return start(socketFile, supervisor, null);
    }

    /** As {@link #start(Path, Supervisor)}, with the {@code pipeline}, {@code errors} and {@code replay} methods. */
    public static ControlServer start(Path socketFile, Supervisor supervisor, Pipeline pipeline) throws IOException {
        ControlServer server = new ControlServer(ControlSocket.bind(socketFile), supervisor, pipeline);
        server.acceptor.start();
        LOG.info("control socket listening at {}", server.socket.path());
        return server;
    }

    public Path socketFile() { return socket.path(); }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = socket.channel().accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket: accept failed: {}", e.getMessage());
                continue;
            }
            if (!slots.tryAcquire()) {
                refuse(client);
                continue;
            }
            open.add(client);
            clients.execute(() -> {
                try {
                    serve(client);
                } finally {
                    open.remove(client);
                    closeQuietly(client);
                    slots.release();
                }
            });
        }
    }

    private void refuse(SocketChannel client) {
        try (client) {
            write(client, Reply.error("FAILED", "too many clients (" + MAX_CLIENTS + ")"));
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    private void serve(SocketChannel client) {
        RequestReader reader = new RequestReader(client);
        try {
            while (!closed) {
                ScheduledFuture<?> idle = timeouts.schedule(() -> closeQuietly(client),
                        IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                RequestReader.Line line;
                try {
                    line = reader.next();
                } finally {
                    idle.cancel(false);
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
        } catch (IOException e) {
            LOG.debug("control client gone: {}", e.getMessage());
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
        socket.close();
        open.forEach(ControlServer::closeQuietly);
        clients.shutdownNow();
        timeouts.shutdownNow();
        LOG.info("control socket closed, {} removed", socket.path());
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a broken channel: nothing left to do
        }
    }

    /** Daemon threads named {@code prefix-N}. */
    static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
