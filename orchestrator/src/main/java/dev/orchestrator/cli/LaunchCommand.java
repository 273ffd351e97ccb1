package dev.orchestrator.cli;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import dev.orchestrator.broker.EmbeddedBroker;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.LauncherArguments;
import dev.orchestrator.config.Problem;
import dev.orchestrator.logging.ProcessLogs;
import dev.orchestrator.runtime.EngineWorker;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.api.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code launch -e TYPE -n NAME -w N [-l LEVEL]}: Canopsis' {@code engine-launcher}, one engine worker in the
 * foreground with its log on the console ({@code -l debug} shows each event). Ctrl-C or SIGTERM stops it cleanly:
 * the event in hand is finished, the rest is left to the broker. Without a broker URI it joins the embedded broker
 * of a running daemon ({@code 127.0.0.1:5673}), or starts one of its own when none listens there.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run one engine worker in the foreground (Canopsis' engine-launcher).",
        "Reads [engine:NAME] from amqp2engines.conf beside the main configuration file when there is one.",
        "Exit status: 0 after Ctrl-C/SIGTERM, 1 when the worker fails, 2 on bad arguments or configuration."})
final class LaunchCommand implements Callable<Integer> {

    private static final long STOP_WAIT_SECONDS = 20;

    @Mixin
    LauncherArguments launcher;

    @Mixin
    ConfigOption config;

    @Option(names = "--amqp-uri", paramLabel = "URI",
            description = "The broker (default: $" + AmqpSettings.URI_ENV + ", amqp.conf, else the embedded broker on "
                    + EmbeddedBroker.HOST + ":" + EmbeddedBroker.DEFAULT_PORT
                    + ": a running daemon's, or one started here).")
    String amqpUri;

    @Mixin
    PluginsOption plugins;

    @Option(names = "--journal", paramLabel = "DIR", description = "Record the event in hand in the in-hand journal"
            + " of DIR, so that one this JVM dies with is counted towards max_retries (the daemon passes its own to"
            + " an engine with isolation=process).")
    Path journal;

    @Override
    public Integer call() {
        LaunchSpec spec;
        try {
            spec = launcher.toLaunchSpec();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        ConsoleLogging.start(Level.toLevel(spec.logLevel(), Level.INFO));
        Configuration configuration = configuration();
        if (configuration != null && configuration.hasErrors()) {
            configuration.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                    .forEach(p -> System.err.println(p));
            return 2;
        }
        Map<String, EngineConfig> engines = configuration == null ? Map.of() : configuration.engines();
        AmqpSettings amqp = configuration == null ? AmqpSettings.resolve(System.getenv(), null)
                : AmqpSettings.resolve(amqpUri, configuration);
        if (configuration == null && amqpUri != null) {
            amqp = new AmqpSettings(amqpUri.strip(), amqp.exchangeName());
        }
        TaskRegistry registry;
        try {
            registry = plugins.discover();
        } catch (IllegalStateException e) {
            return usage(e.getMessage());
        }
        return run(spec, engines, amqp, registry);
    }

    private int run(LaunchSpec spec, Map<String, EngineConfig> engines, AmqpSettings amqp, TaskRegistry registry) {
        EmbeddedBroker broker = null;
        CountDownLatch done = new CountDownLatch(1);
        ProcessLogs.bindWorker(spec.worker());
        try (BrokerConnector connector = new BrokerConnector(amqp)) {
            EngineWorkerFactory factory = new EngineWorkerFactory(engines, amqp, registry, connector);
            if (journal != null) factory.journalIn(() -> journal);
            EngineWorker worker = factory.create(spec, null);
            if (!engines.containsKey(spec.engineName())) {
                LogManager.getLogger("engine." + spec.engineName()).warn("no [engine:{}] section in {}: the defaults apply",
                        spec.engineName(), ConfigLoader.ENGINES_FILE);
            }
            if (amqp.embedded() && !EmbeddedBroker.listening(EmbeddedBroker.DEFAULT_PORT)) {
                broker = EmbeddedBroker.start(EmbeddedBroker.DEFAULT_PORT);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                worker.requestStop();
                try {
                    done.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "launch-stop"));
            return worker.run();
        } catch (SpawnException | BrokerException e) {
            System.err.println("launch: " + e.getMessage());
            return e instanceof SpawnException ? 2 : 1;
        } catch (Exception e) {
            System.err.println("launch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } finally {
            if (broker != null) {
                broker.close();
            }
            done.countDown();
        }
    }

    /** The configuration when a main file is given or exists; null when there is none (engine defaults). */
    private Configuration configuration() {
        Path main = config.mainFile();
        boolean explicit = config.file != null || System.getenv(ConfigOption.ENV) != null;
        return explicit || Files.isRegularFile(main) ? config.load() : null;
    }

    private static int usage(String message) {
        System.err.println("launch: " + message);
        return 2;
    }
}
