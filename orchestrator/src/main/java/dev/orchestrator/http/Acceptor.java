package dev.orchestrator.http;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Accepts clients on a listening channel (Unix domain or TCP) and serves each on its own thread, up to
 * {@link #MAX_CLIENTS} at once: the daemon's workers and supervisor never run a client's code. A client over the
 * limit is handed to the refusal, which answers it and closes. A failed accept (EMFILE) backs off as
 * {@link AcceptBackoff} says. {@link #close()} stops accepting and disconnects every client.
 */
public final class Acceptor implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Acceptor.class);
    public static final int MAX_CLIENTS = 128;

    /** Serves one client; the acceptor closes the channel afterwards. */
    @FunctionalInterface
    public interface Client {
        void serve(SocketChannel channel) throws IOException;
    }

    private final ServerSocketChannel listening;
    private final String name;
    private final Client client;
    private final Client refusal;
    private final ExecutorService clients;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final AcceptBackoff backoff;
    private volatile boolean closed;

    /** {@code name} prefixes the threads' names and the log lines. */
    public Acceptor(ServerSocketChannel listening, String name, Client client, Client refusal) {
        this.listening = listening;
        this.name = name;
        this.client = client;
        this.refusal = refusal;
        this.clients = Executors.newCachedThreadPool(threads(name + "-client"));
        this.thread = threads(name + "-accept").newThread(this::acceptLoop);
        this.backoff = new AcceptBackoff(LOG, name, System::nanoTime);
    }

    public Acceptor start() {
        thread.start();
        return this;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = listening.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                pause(backoff.failed(e.getMessage()));
                continue;
            }
            backoff.succeeded();
            if (!slots.tryAcquire()) {
                run(refusal, channel);
                continue;
            }
            open.add(channel);
            clients.execute(() -> {
                try {
                    run(client, channel);
                } finally {
                    open.remove(channel);
                    slots.release();
                }
            });
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Client c, SocketChannel channel) {
        try {
            c.serve(channel);
        } catch (IOException e) {
            LOG.debug("{} client gone: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} client failed", name, e);
        } finally {
            Deadlines.closeQuietly(channel);
        }
    }

    /** Stops accepting (closing the listening channel) and disconnects every client. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            listening.close();
        } catch (IOException e) {
            LOG.debug("{}: close failed: {}", name, e.getMessage());
        }
        open.forEach(Deadlines::closeQuietly);
        clients.shutdownNow();
    }

    /** Daemon threads named {@code prefix-N}. */
    public static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
