package dev.orchestrator.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.FrameHandlerFactory;
import com.rabbitmq.client.impl.nio.NioParams;
import dev.orchestrator.config.AmqpSettings;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the AMQP connections to the broker of {@link AmqpSettings} (a null URI is the embedded broker on
 * 127.0.0.1:5673); the workers share theirs through its {@link ConnectionPool} ({@link #lease}), at most
 * {@code orchestrator.amqp.max_connections} (system property, default {@value ConnectionPool#DEFAULT_LIMIT}).
 * All connections share one {@link ConnectionFactory} and with it one heartbeat timer; deliveries reach the workers'
 * handlers on each connection's reader thread ({@link InlineDispatch}), as confirms and returns do.
 * Sockets use amqp-client's blocking I/O, one small reader thread per connection: measured in {@code make bench},
 * its NIO transport cost much more CPU per event (frames read and written a byte at a time) than blocking I/O does
 * for a few MB more (docs/benchmark.md). A reader wakes the workers its deliveries are for once per socket read, not
 * once per delivery ({@link ReaderWakes}, {@link WakeBatchingFrameHandler}). The system property
 * {@code orchestrator.amqp.nio=true} switches to NIO (two loops for every socket), for comparison.
 * Automatic recovery is off: each worker reconnects on its own thread and drops its in-flight state, which is
 * simpler to get right than replaying delivery tags and confirm sequence numbers.
 */
public final class BrokerConnector implements AutoCloseable {

    private static final int IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    /** The largest message body a connection takes (amqp-client's default, set here for the frame handler). */
    private static final int MAX_BODY_BYTES = 64 << 20;
    /** The system property that sets the connection limit of the {@link ConnectionPool}. */
    public static final String MAX_CONNECTIONS = "orchestrator.amqp.max_connections";

    private final ConnectionFactory factory;
    private final BrokerAddresses nodes;
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("amqp-heartbeat-"));
    private final ConnectionPool pool;

    /** A connector for these settings; the URI is checked here. */
    public BrokerConnector(AmqpSettings settings) {
        this(settings.uri() == null ? embeddedUri(EmbeddedBroker.DEFAULT_PORT) : settings.uri());
    }

    /**
     * A connector for an AMQP URI, or a comma-separated list of the URIs of a cluster's nodes; at most
     * {@code orchestrator.amqp.max_connections} connections.
     */
    public BrokerConnector(String uri) {
        this(uri, connectionLimit());
    }

    /** A connector for {@code uri} whose workers share at most {@code maxConnections} connections. */
    public BrokerConnector(String uri, int maxConnections) {
        this.pool = new ConnectionPool(this::connect, maxConnections);
        this.factory = new BatchingConnectionFactory();
        try {
            this.nodes = BrokerAddresses.configure(uri, factory);
        } catch (BrokerException e) {
            close();
            throw e;
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        factory.setChannelRpcTimeout(30_000);
        factory.setRequestedHeartbeat(30);
        factory.setMaxInboundMessageBodySize(MAX_BODY_BYTES);
        if (Boolean.getBoolean("orchestrator.amqp.nio")) {
            factory.useNio();
            factory.setNioParams(new NioParams().setNbIoThreads(IO_THREADS)
                    .setThreadFactory(daemonThreads("amqp-io-")));
        }
        factory.setSharedExecutor(new InlineDispatch());
        factory.setHeartbeatExecutor(heartbeats);
        factory.setThreadFactory(readerThreads());
    }

    /** amqp-client's connections, with blocking I/O read through a {@link WakeBatchingFrameHandler}. */
    private static final class BatchingConnectionFactory extends ConnectionFactory {
        private boolean nio;

        @Override
        public void useNio() {
            nio = true;
            super.useNio();
        }

        @Override
        protected synchronized FrameHandlerFactory createFrameHandlerFactory() throws IOException {
            if (nio) {
                return super.createFrameHandlerFactory();
            }
            return new WakeBatchingFrameHandler.Factory(getConnectionTimeout(), getSocketFactory(),
                    getSocketConfigurator(), isSSL(), MAX_BODY_BYTES);
        }
    }

    /** {@code orchestrator.amqp.max_connections}: a whole number of at least 1, else a one-line error. */
    private static int connectionLimit() {
        String value = System.getProperty(MAX_CONNECTIONS);
        try {
            int limit = value == null ? ConnectionPool.DEFAULT_LIMIT : Integer.parseInt(value.strip());
            if (limit >= 1) return limit;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BrokerException(MAX_CONNECTIONS + " must be a whole number of at least 1, not '" + value + "'", null);
    }

    /** The URI of the embedded broker on {@code port}. */
    public static String embeddedUri(int port) {
        return "amqp://guest:guest@" + EmbeddedBroker.HOST + ":" + port + "/";
    }

    /** The broker URIs, without their passwords (for logs and messages). */
    public String describe() {
        return nodes.describe();
    }

    /**
     * Opens a connection that the broker shows under {@code name}, to the first node that answers of the URIs
     * (shuffled by amqp-client for each connection).
     *
     * @throws BrokerException one line naming the broker and the reason (refused, bad credentials, timeout...)
     */
    public Connection connect(String name) {
        try {
            return factory.newConnection(nodes.addresses(), name);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new BrokerException("cannot connect to " + describe() + ": " + reason(e), e);
        }
    }

    /**
     * A worker's share of {@code engine}'s connection, on which it opens its channel.
     *
     * @throws BrokerException one line naming the broker and the reason
     */
    public ConnectionPool.Lease lease(String engine) {
        return pool.lease(engine);
    }

    /** How many of the workers' shared connections are open. */
    public int openConnections() {
        return pool.openConnections();
    }

    /** Stops the shared threads; close the connections first. */
    @Override
    public void close() {
        heartbeats.shutdown();
    }

    /** The innermost message of a failure, for one-line reports. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }

    /**
     * Daemon threads in the thread group of the connector's maker, not of whichever worker first opens a connection:
     * a worker's group counts the threads its tasks leak (docs/control.md, task_threads).
     */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        return runnable -> daemon(new Thread(group, runnable, prefix + count.incrementAndGet()));
    }

    /** amqp-client's threads (a connection's reader, mainly), able to hold wake-ups ({@link ReaderWakes}). */
    private static ThreadFactory readerThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        return runnable -> daemon(new ReaderWakes.Reader(group, runnable, "amqp-" + count.incrementAndGet()));
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }
}
