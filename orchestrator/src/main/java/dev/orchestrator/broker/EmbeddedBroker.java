package dev.orchestrator.broker;

import dev.orchestrator.logging.LogSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Connection;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;

/**
 * The zero set-up broker: Apache Qpid Broker-J in this JVM, in memory, AMQP 0-9-1 on 127.0.0.1 only, user
 * guest/guest, the default virtual host for {@code /}. Network buffers are capped for a small footprint and its
 * own logging is off ({@link LogSystem#SILENCED_LOGGERS}). It is not RabbitMQ: nothing survives a stop, and
 * RabbitMQ-only queue arguments close the connection (docs/runtime.md, Brokers).
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The embedded broker's default port: not 5672, where a real RabbitMQ usually runs. */
    public static final int DEFAULT_PORT = 5673;
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LogManager.getLogger(EmbeddedBroker.class);
    private static final String CONFIG = "embedded-broker.json";

    private final SystemLauncher launcher;
    private final SystemConfig<?> system;
    private final Path workDir;
    private final int port;

    private EmbeddedBroker(SystemLauncher launcher, SystemConfig<?> system, Path workDir, int port) {
        this.launcher = launcher;
        this.system = system;
        this.workDir = workDir;
        this.port = port;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} (0: an ephemeral port, see {@link #port()}).
     *
     * @throws BrokerException with a one-line reason when it cannot start (port in use...)
     */
    public static EmbeddedBroker start(int port) {
        quietLogging();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("orchestrator-qpid-");
        } catch (IOException e) {
            throw new BrokerException("cannot start the embedded broker: no temporary directory: " + e.getMessage(), e);
        }
        URL config = EmbeddedBroker.class.getResource(CONFIG);
        Map<String, String> context = Map.of(
                "qpid.work_dir", workDir.toString(),
                "qpid.home_dir", workDir.toString(),
                "qpid.amqp_port", Integer.toString(port),
                "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}",
                "qpid.broker.networkBufferSize", "65536",
                "broker.directByteBufferPoolSize", "64",
                "qpid.port.amqp.threadPool.size", "4",
                "qpid.broker.housekeepingThreadCount", "1");
        Map<String, Object> attributes = Map.of(
                "type", "Memory",
                "initialConfigurationLocation", config.toExternalForm(),
                "context", context,
                "startupLoggedToSystemOut", false);
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        try {
            launcher.startup(attributes);
            EmbeddedBroker broker = new EmbeddedBroker(launcher, system.get(), workDir, boundPort(system.get()));
            LOG.info("embedded broker listening on {}:{}", HOST, broker.port);
            return broker;
        } catch (Exception e) {
            launcher.shutdown();
            deleteQuietly(workDir);
            throw new BrokerException("cannot start the embedded broker on " + HOST + ":" + port + ": "
                    + BrokerConnector.reason(e), e);
        }
    }

    private static int boundPort(SystemConfig<?> system) {
        if (system == null) {
            throw new IllegalStateException("the broker did not start");
        }
        return system.getContainer().getChildren(Port.class).stream()
                .filter(p -> p instanceof AmqpPort)
                .mapToInt(p -> ((AmqpPort<?>) p).getBoundPort())
                .filter(p -> p > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the AMQP port is not bound (in use?)"));
    }

    /** Whether something (a daemon's embedded broker) accepts connections on {@code 127.0.0.1:port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port it listens on. */
    public int port() { return port; }

    /** The AMQP URI of its default virtual host, with the guest user. */
    public String uri() { return "amqp://guest:guest@" + HOST + ":" + port + "/"; }

    /** Closes every client connection from the broker side (as a broker restart would); for tests and chaos. */
    public void closeAllConnections() {
        for (Port<?> port : system.getContainer().getChildren(Port.class)) {
            for (Connection<?> connection : port.getChildren(Connection.class)) {
                connection.delete();
            }
        }
    }

    /** Stops the broker; its in-memory messages are gone. */
    @Override
    public void close() {
        launcher.shutdown();
        deleteQuietly(workDir);
    }

    /** For a JVM whose log set-up is log4j's default one (tests, tools). */
    private static void quietLogging() {
        LogSystem.SILENCED_LOGGERS.forEach(logger -> Configurator.setLevel(logger, Level.OFF));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
