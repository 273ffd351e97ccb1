package dev.orchestrator.daemon;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.engine.EngineWorkerFactory;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.supervision.Worker;
import dev.orchestrator.supervision.WorkerFactory;
import dev.orchestrator.task.TaskRegistry;
import java.util.function.Supplier;

/**
 * The daemon's workers: engine workers of the runtime, made with the {@code [engine:]} sections of the
 * configuration last read (so a reread and update picks changed sections up), the task libraries discovered
 * at start, and one broker connector for all of them, closed after every worker stopped.
 */
public final class EngineWorkers implements WorkerFactory, AutoCloseable {

    private final Supplier<Configuration> configuration;
    private final AmqpSettings amqp;
    private final TaskRegistry registry;
    private final BrokerConnector connector;

    public EngineWorkers(Supplier<Configuration> configuration, AmqpSettings amqp, TaskRegistry registry) {
        this.configuration = configuration;
        this.amqp = amqp;
        this.registry = registry;
        this.connector = new BrokerConnector(amqp);
    }

    @Override
    public Worker create(ProcessConfig process) throws SpawnException {
        return new EngineWorkerFactory(configuration.get().engines(), amqp, registry, connector).create(process);
    }

    @Override
    public void close() { connector.close(); }
}
