package dev.orchestrator.runtime;

import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.TaskRegistry;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.NearestNames;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.Source;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.supervision.WorkerFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Makes the {@link EngineWorker} of a process from what its {@code engine-launcher} command selects: the engine type
 * ({@code -e}, a registered name or an EngineType class name), the {@code [engine:NAME]} section (defaults when there is
 * none), the worker number and the log level. An unknown engine type or task is a {@link SpawnException} naming it and
 * the nearest registered names. Every worker gets its own channel on its engine's connection, from the shared
 * {@link BrokerConnector}.
 */
public final class EngineWorkerFactory implements WorkerFactory, AutoCloseable {

    private final Supplier<Map<String, EngineConfig>> engines;
    private final AmqpSettings amqp;
    private final TaskRegistry registry;
    private final BrokerConnector connector;
    private final boolean ownsConnector;
    private Supplier<Path> journalDirectory;
    private InHandJournal journal = InHandJournal.NONE;

    /**
     * Workers for the engine sections {@code engines} gives at each spawn (the configuration last read), on the
     * broker of {@code amqp}, with the tasks of {@code registry}. Close the factory after its workers stopped.
     */
    public EngineWorkerFactory(Supplier<Map<String, EngineConfig>> engines, AmqpSettings amqp, TaskRegistry registry) {
        this(engines, amqp, registry, new BrokerConnector(amqp), true);
    }

    /** Workers for fixed engine sections; close the factory after its workers stopped. */
    public EngineWorkerFactory(Map<String, EngineConfig> engines, AmqpSettings amqp, TaskRegistry registry) {
        this(() -> engines, amqp, registry);
    }

    /** Workers for fixed engine sections, with a connector of one's own (which the caller closes). */
    public EngineWorkerFactory(Map<String, EngineConfig> engines, AmqpSettings amqp, TaskRegistry registry,
            BrokerConnector connector) {
        this(() -> engines, amqp, registry, connector, false);
    }

    private EngineWorkerFactory(Supplier<Map<String, EngineConfig>> engines, AmqpSettings amqp, TaskRegistry registry,
            BrokerConnector connector, boolean ownsConnector) {
        this.engines = engines;
        this.amqp = amqp;
        this.registry = registry;
        this.connector = connector;
        this.ownsConnector = ownsConnector;
    }

    /**
     * Records each worker's event in hand under {@code directory} (asked for at the first worker), so that one found
     * in hand at more than {@code max_retries} deaths is error-queued ({@link InHandJournal}); returns this factory.
     */
    public EngineWorkerFactory journalIn(Supplier<Path> directory) {
        this.journalDirectory = directory;
        return this;
    }

    private synchronized InHandJournal journal() {
        if (journalDirectory != null) {
            journal = InHandJournal.open(journalDirectory.get());
            journalDirectory = null;
        }
        return journal;
    }

    /** Releases the shared connection threads when the factory made them. */
    @Override
    public void close() {
        if (ownsConnector) {
            connector.close();
        }
    }

    @Override
    public EngineWorker create(ProcessConfig process) throws SpawnException {
        if (process.launch() == null) {
            throw new SpawnException("process " + process.name() + " has no engine-launcher command");
        }
        return create(process.launch(), process.source());
    }

    /** The worker for {@code launch}; {@code source} is where it was configured (for messages). */
    public EngineWorker create(LaunchSpec launch, Source source) throws SpawnException {
        String name = launch.engineName();
        Map<String, EngineConfig> sections = engines.get();
        EngineType type = engineType(launch.engineType(), name);
        EngineConfig config = engineConfig(sections, name, source).withDefaultBinding(type.defaultBinding());
        try {
            if (config.eventProcessing() != null && registry.eventTask(config.eventProcessing()).isEmpty()) {
                throw new SpawnException(NearestNames.unknownMessage("task", config.eventProcessing(),
                        "for event_processing of engine " + name, registry.eventTaskNames()));
            }
            if (config.beatProcessing() != null && registry.beatTask(config.beatProcessing()).isEmpty()) {
                throw new SpawnException(NearestNames.unknownMessage("task", config.beatProcessing(),
                        "for beat_processing of engine " + name, registry.beatTaskNames()));
            }
        } catch (IllegalArgumentException e) { // a task whose library could not be loaded
            throw new SpawnException(e.getMessage() + " (engine " + name + ")", e);
        }
        List<EngineConfig> next = config.next().stream().map(n -> engineConfig(sections, n, config.source())).toList();
        Logger logger = engineLogger(name, launch.logLevel());
        return new EngineWorker(config, next, amqp, type, connector, launch.worker(), logger,
                configDirectory(config.source()), journal());
    }

    private EngineType engineType(String typeName, String engineName) throws SpawnException {
        try {
            return registry.engineType(typeName).orElseThrow(() -> new SpawnException(NearestNames.unknownMessage(
                    "engine type", typeName, "for engine " + engineName, registry.engineTypeNames())));
        } catch (IllegalArgumentException e) {
            throw new SpawnException(e.getMessage() + " (engine " + engineName + ")", e);
        }
    }

    private static EngineConfig engineConfig(Map<String, EngineConfig> sections, String name, Source source) {
        EngineConfig config = sections.get(name);
        return config != null ? config : EngineConfig.defaults(name, source);
    }

    /**
     * The engine's log4j2 logger, {@code engine.<name>}, at the launcher's {@code -l} level (default info). The
     * configuration changes only when the logger is not at that level yet: each change makes log4j update every
     * logger, which 1,000 workers' spawns would do 1,000 times.
     */
    static Logger engineLogger(String engineName, String level) {
        Logger logger = LogManager.getLogger("engine." + engineName);
        if (level != null && !level.isBlank()) {
            Level wanted = Level.toLevel(level.strip(), Level.INFO);
            if (logger.getLevel() != wanted) Configurator.setLevel(logger.getName(), wanted);
        }
        return logger;
    }

    private static Path configDirectory(Source source) {
        Path file = source == null ? null : source.file();
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }
}
