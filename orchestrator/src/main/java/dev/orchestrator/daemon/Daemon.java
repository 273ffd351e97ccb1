package dev.orchestrator.daemon;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.EmbeddedBroker;
import dev.orchestrator.childprocess.ChildProcessFactory;
import dev.orchestrator.childprocess.IsolatedEngine;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.InFlightMemory;
import dev.orchestrator.config.Home;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Problem;
import dev.orchestrator.config.SupervisordSettings;
import dev.orchestrator.control.server.ControlServer;
import dev.orchestrator.http.Routes;
import dev.orchestrator.http.TcpHttpServer;
import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.pipeline.QueueProbe;
import dev.orchestrator.runtime.InHandJournal;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.supervision.WorkerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The running daemon ({@code orchestrator daemon}, always in the foreground). It owns, in start order, the pidfile,
 * the logs, the embedded broker (when no AMQP URI is configured), the supervisor, the control server and the
 * {@code [inet_http_server]} (both serving {@link HttpRoutes}), and closes them in reverse order: the control socket stops answering, every worker stops (in supervisord's shutdown order),
 * then the broker, the logs and the pidfile go.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    /**
     * Makes the workers' factory once the broker is known. {@code configuration} gives the configuration last read
     * (it changes on reread and restart). A factory that is {@link AutoCloseable} is closed after every worker stopped.
     */
    @FunctionalInterface
    public interface Workers {
        WorkerFactory create(Supplier<Configuration> configuration, AmqpSettings amqp) throws DaemonException;

        /**
         * The configuration as these workers run it: which way each program runs decided, what that found added to
         * its problems (at start and at every re-read, so that errors refuse the change). As read by default.
         */
        default Configuration plan(Configuration read) {
            return read;
        }

        /** What the main log should warn of at start (plugin jars that cannot be loaded, names registered twice). */
        default List<String> warnings() {
            return List.of();
        }
    }

    /** What the command line adds to the configuration: an AMQP URI (null: the configured one) and the embedded broker's port. */
    public record Options(String amqpUri, int brokerPort, boolean console) {
        public static Options defaults() { return new Options(null, EmbeddedBroker.DEFAULT_PORT, true); }
    }

    private final Deque<AutoCloseable> services = new ArrayDeque<>();
    private Pidfile pidfile;
    private Path socket;
    private SupervisorCore supervisor;
    private Pipeline pipeline;

    private Daemon() { }

    /**
     * {@code orchestrator daemon}: reads the configuration (problems are printed; errors exit 2), starts, runs until
     * SIGTERM/SIGINT or a shutdown request, stops everything gracefully and returns 0. A daemon that cannot start
     * (another one runs, the broker port is taken...) prints why and returns 1.
     */
    public static int run(Path mainFile, Options options, Workers workers, PrintStream err) {
        Configuration configuration = workers.plan(ConfigLoader.load(mainFile));
        configuration.problems().forEach(err::println);
        if (configuration.hasErrors()) {
            err.println("orchestrator daemon: not started: the configuration has errors (orchestrator check lists them)");
            return 2;
        }
        Daemon daemon;
        try {
            daemon = start(configuration, options, workers);
        } catch (DaemonException e) {
            err.println("orchestrator daemon: not started: " + e.getMessage());
            return 1;
        }
        ExitGuard guard = ExitGuard.install(daemon::removeTraces);
        try (daemon) {
            Signals.install(daemon.supervisor, daemon::close);
            daemon.supervisor.terminated().join();
        } finally {
            guard.exitExpected();
        }
        LOG.info("orchestrator exiting with status 0");
        return 0;
    }

    /** Starts every part and autostarts the processes; on failure, what was started is closed again. */
    public static Daemon start(Configuration configuration, Options options, Workers workers) throws DaemonException {
        SupervisordSettings settings = configuration.supervisord();
        refuseIfAnswering(settings.socketFile());
        Daemon daemon = new Daemon();
        try {
            if (settings.pidfile() != null) daemon.services.push(daemon.pidfile = Pidfile.acquire(settings.pidfile()));
            daemon.socket = settings.socketFile();
            LogSystem logs = LogSystem.start(settings, options.console());
            daemon.services.push(logs);
            LOG.info("orchestrator started with pid {}", ProcessHandle.current().pid());
            InFlightMemory.warning(configuration, Runtime.getRuntime().maxMemory()).ifPresent(LOG::warn);
            workers.warnings().forEach(LOG::warn);
            AmqpSettings amqp = daemon.broker(configuration.amqp(), options);
            WorkerFactory threads = workers.create(() -> daemon.supervisor.configuration(), amqp);
            if (threads instanceof AutoCloseable closeable) daemon.services.push(closeable);
            WorkerFactory factory = WorkerFactory.byExecution(threads, new ChildProcessFactory(logs.processLogs(),
                    launch -> IsolatedEngine.command(Home.command(), configuration.mainFile(), amqp.uri(),
                            settings.childLogDir().resolve(InHandJournal.DIRECTORY), launch)));
            daemon.supervisor = new SupervisorCore(configuration, factory, logs.processLogs(),
                    () -> workers.plan(ConfigLoader.load(configuration.mainFile())));
            daemon.services.push(daemon.supervisor);
            daemon.pipeline = daemon.pipeline(amqp);
            Routes routes = HttpRoutes.of(daemon.supervisor, daemon.pipeline);
            daemon.services.push(ControlServer.start(settings.socketFile(), daemon.supervisor, daemon.pipeline, routes,
                    settings.socketCredentials()));
            if (settings.inetHttpServer() != null) daemon.services.push(listen(settings.inetHttpServer(), routes));
            daemon.services.push(BrokerRecovery.start(daemon.supervisor, amqp));
            daemon.supervisor.start();
            return daemon;
        } catch (DaemonException e) {
            daemon.close();
            throw e;
        } catch (IOException | Fault | RuntimeException e) {
            daemon.close();
            throw new DaemonException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    public SupervisorCore supervisor() { return supervisor; }

    /** The pipeline view (engines, rates, queue depths) the control socket and the HTTP server show. */
    public Pipeline pipeline() { return pipeline; }

    /** The view, on a connection of its own to the workers' broker (opened at the first question). */
    private Pipeline pipeline(AmqpSettings amqp) {
        BrokerConnector connector = new BrokerConnector(amqp);
        services.push(connector);
        Pipeline view = new Pipeline(supervisor::configuration, supervisor,
                new QueueProbe(connector, System::nanoTime), System::nanoTime, System::currentTimeMillis);
        services.push(view);
        return view;
    }

    /** Removes the pidfile and the control socket, when the JVM ends without {@link #close()} ({@link ExitGuard}). */
    private void removeTraces() {
        if (pidfile != null) pidfile.close();
        try {
            if (socket != null) Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.error("cannot remove the socket {}: {}", socket, e.getMessage());
        }
    }

    /** Closes every part in reverse start order (stopping every worker first); safe to call twice. */
    @Override
    public synchronized void close() {
        while (!services.isEmpty()) {
            AutoCloseable service = services.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.error("closing {} failed: {}", service.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** The broker the workers use: the configured or given URI, else an embedded broker started here. */
    private AmqpSettings broker(AmqpSettings configured, Options options) {
        String uri = options.amqpUri() != null ? options.amqpUri() : configured.uri();
        if (uri != null) return new AmqpSettings(uri, configured.exchangeName());
        EmbeddedBroker broker = EmbeddedBroker.start(options.brokerPort());
        services.push(broker);
        return new AmqpSettings(broker.uri(), configured.exchangeName());
    }

    /** {@code [inet_http_server]}; a port that is taken is a one-line reason. */
    private static TcpHttpServer listen(SupervisordSettings.InetHttpServer inet, Routes routes) throws DaemonException {
        try {
            TcpHttpServer server = TcpHttpServer.start(inet.host(), inet.port(), routes, inet.credentials());
            LOG.info("inet_http_server listening on {}: dashboard at http://{}:{}/ (REST API /api/, metrics /metrics)",
                    inet.address(), inet.host().isEmpty() ? "localhost" : inet.host(), server.port());
            if (inet.credentials() == null) {
                // supervisord's own warning (supervisor/http.py, make_http_servers): every local user may drive it
                LOG.fatal("Server 'inet_http_server' running without any HTTP authentication checking");
            }
            return server;
        } catch (IOException e) {
            throw new DaemonException("[inet_http_server] " + e.getMessage(), e);
        }
    }

    /** Another daemon on this configuration answers on its control socket. */
    private static void refuseIfAnswering(Path socket) throws DaemonException {
        if (socket == null || !Files.exists(socket)) return;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return;
        }
        throw new DaemonException("another daemon answers on " + socket + " (orchestrator shutdown stops it)");
    }
}
