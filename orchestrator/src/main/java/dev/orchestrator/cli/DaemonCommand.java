package dev.orchestrator.cli;

import dev.orchestrator.broker.EmbeddedBroker;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.plan.CommandSearch;
import dev.orchestrator.plan.ExecutionPlanner;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.runtime.InHandJournal;
import dev.orchestrator.supervision.WorkerFactory;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code orchestrator daemon}: supervisord in the foreground for the engine workers of the configuration, with the
 * control socket and, when no AMQP URI is configured, an embedded broker. SIGTERM or SIGINT stops every worker
 * gracefully and exits 0; configuration errors are printed and exit 2; a daemon that cannot start exits 1.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run the daemon in the foreground: every configured engine worker, supervisord-style.")
public final class DaemonCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--amqp-uri", paramLabel = "URI",
            description = "The broker (default: $ORCHESTRATOR_AMQP_URI, amqp.conf [master], else an embedded broker).")
    String amqpUri;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "" + EmbeddedBroker.DEFAULT_PORT,
            description = "The embedded broker's port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = {"-s", "--silent"},
            description = "Do not copy the main log to standard output (supervisord's silent; for start -d).")
    boolean silent;

    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        DefaultTaskRegistry registry;
        try {
            registry = plugins.discover();
        } catch (IllegalStateException e) {
            System.err.println("orchestrator daemon: not started: " + e.getMessage());
            return 1;
        }
        return Daemon.run(config.mainFile(), new Daemon.Options(amqpUri, brokerPort, !silent), workers(registry),
                System.err);
    }

    /**
     * The daemon's workers on {@code registry}: engine threads with the in-hand journal, the plan of which way each
     * program runs, and the registry's problems and warnings for the main log.
     */
    static Daemon.Workers workers(DefaultTaskRegistry registry) {
        ExecutionPlanner planner = new ExecutionPlanner(registry, CommandSearch.ofThisProcess());
        return new Daemon.Workers() {
            @Override
            public WorkerFactory create(Supplier<Configuration> configuration, AmqpSettings amqp) {
                return new EngineWorkerFactory(() -> configuration.get().engines(), amqp, registry)
                        .journalIn(() -> configuration.get().supervisord().childLogDir().resolve(InHandJournal.DIRECTORY));
            }

            @Override
            public Configuration plan(Configuration read) {
                return planner.plan(read);
            }

            @Override
            public List<String> warnings() {
                return registry.allWarnings();
            }
        };
    }
}
