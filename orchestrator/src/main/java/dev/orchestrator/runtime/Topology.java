package dev.orchestrator.runtime;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.QueueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine's queues, exchanges and bindings, as Canopsis declared them: queue {@code Engine_<name>} durable, not
 * exclusive, not auto-delete, bound as {@link EngineConfig#bindings()} says (what {@code check} prints); exchanges
 * other than the predeclared {@code amq.*} ones are durable topic exchanges; {@code canopsis},
 * {@code canopsis.events}, {@code canopsis.alerts} and {@code canopsis.incidents} exist, as the original's
 * {@code Amqp} declared them ({@code old/rabbitmq.py}). Also the queues of the
 * engines in {@code next}, bound to {@code amq.direct} with their names, so events wait for a stopped engine, and
 * {@code Engine_<name>.errors}. Queue arguments are passed only when configured (Qpid refuses RabbitMQ-only ones).
 * A {@code queue_type=quorum} engine on RabbitMQ gets a quorum queue and quorum error queue, with RabbitMQ's own
 * delivery limit ({@code max_retries}) dead-lettering at least once into the error queue; on another broker (the
 * embedded one) its queues stay classic (docs/runtime.md, "Delivery limit").
 */
final class Topology {

    static final String DIRECT = "amq.direct";

    private final EngineConfig engine;
    private final List<EngineConfig> next;
    private final AmqpSettings amqp;
    /** What the topology declares, as the key its connection remembers it by (computed once, read at each session). */
    private final String key;

    /** {@code next}: the configurations of the engines in {@code engine.next()}, in that order. */
    Topology(EngineConfig engine, List<EngineConfig> next, AmqpSettings amqp) {
        this.engine = engine;
        this.next = next;
        this.amqp = amqp;
        this.key = describe();
    }

    String queue() {
        return engine.queue();
    }

    /** The queue where the messages the engine could not process go, with the reason in their headers. */
    String errorQueue() {
        return ErrorQueue.of(engine.name());
    }

    /** The exchanges it declares (those known to exist besides the predeclared ones). */
    Set<String> exchanges() {
        Set<String> exchanges = new LinkedHashSet<>(List.of(amqp.exchangeName(), amqp.eventsExchange(),
                amqp.alertsExchange(), amqp.incidentsExchange(), engine.exchangeName()));
        exchanges.removeIf(Topology::predeclared);
        return exchanges;
    }

    /** The default exchange and the {@code amq.*} ones, which every broker has and nobody may declare. */
    static boolean predeclared(String exchange) {
        return exchange.isEmpty() || exchange.startsWith("amq.");
    }

    /** What {@link #declare} declares, as text: equal for two topologies that declare the same. */
    String key() {
        return key;
    }

    private String describe() {
        List<Object> what = new ArrayList<>(List.of(exchanges(), engine.queue(), String.valueOf(engine.queueType()),
                String.valueOf(engine.maxRetries()), String.valueOf(engine.queueArguments()), engine.bindings()));
        for (EngineConfig target : next) {
            what.add(List.of(target.queue(), String.valueOf(target.queueType()), String.valueOf(target.maxRetries()),
                    String.valueOf(target.queueArguments())));
        }
        return what.toString();
    }

    void declare(Channel channel) throws IOException {
        boolean rabbit = isRabbitMq(channel);
        for (String exchange : exchanges()) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, null);
        }
        declareQueue(channel, engine, rabbit);
        for (Map.Entry<String, String> binding : engine.bindings()) {
            channel.queueBind(engine.queue(), binding.getKey(), binding.getValue());
        }
        for (EngineConfig target : next) {
            declareNext(channel, target, rabbit);
        }
        declareErrorQueue(channel, rabbit);
    }

    /**
     * Whether an output to {@code exchange} with {@code routingKey} is meant for one of this topology's queues (a
     * {@code next} queue or the error queue). Otherwise (a task's publish to an exchange) nothing says which queue
     * should exist there.
     */
    boolean isQueueOf(String exchange, String routingKey) {
        return exchange.isEmpty() ? routingKey.equals(errorQueue())
                : exchange.equals(DIRECT) && nextOf(routingKey) != null;
    }

    /**
     * Declares again, as {@link #declare} does, the queue of {@link #isQueueOf} an output was meant for (the broker
     * returned it: the queue was deleted).
     */
    void redeclare(Channel channel, String exchange, String routingKey) throws IOException {
        boolean rabbit = isRabbitMq(channel);
        if (exchange.isEmpty()) {
            declareErrorQueue(channel, rabbit);
        } else {
            declareNext(channel, nextOf(routingKey), rabbit);
        }
    }

    private EngineConfig nextOf(String queue) {
        for (EngineConfig target : next) {
            if (target.queue().equals(queue)) {
                return target;
            }
        }
        return null;
    }

    private static void declareNext(Channel channel, EngineConfig target, boolean rabbit) throws IOException {
        declareQueue(channel, target, rabbit);
        channel.queueBind(target.queue(), DIRECT, target.queue());
    }

    private void declareErrorQueue(Channel channel, boolean rabbit) throws IOException {
        declare(channel, errorQueue(), quorum(engine, rabbit) ? Map.of(QUEUE_TYPE, "quorum") : null);
    }

    static final String QUEUE_TYPE = "x-queue-type";

    /** The arguments of an engine's queue: {@code queue_arguments}, and quorum's with its delivery limit. */
    static Map<String, Object> arguments(EngineConfig config, boolean rabbit) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (quorum(config, rabbit)) {
            arguments.put(QUEUE_TYPE, "quorum");
            arguments.put("x-delivery-limit", config.maxRetries());
            arguments.put("x-dead-letter-exchange", "");
            arguments.put("x-dead-letter-routing-key", ErrorQueue.of(config.name()));
            arguments.put("x-dead-letter-strategy", "at-least-once");
            arguments.put("x-overflow", "reject-publish");
        }
        if (config.queueArguments() != null) arguments.putAll(config.queueArguments());
        return arguments.isEmpty() ? null : arguments;
    }

    private static boolean quorum(EngineConfig config, boolean rabbit) {
        return rabbit && config.queueType() == QueueType.QUORUM;
    }

    /** RabbitMQ dead-letters the engine's events past {@code max_retries} itself (a quorum queue on RabbitMQ). */
    boolean brokerLimitsDeliveries(Channel channel) {
        return quorum(engine, isRabbitMq(channel));
    }

    /** RabbitMQ names itself in the connection's server properties; Qpid does not say RabbitMQ. */
    static boolean isRabbitMq(Channel channel) {
        Object product = channel.getConnection().getServerProperties().get("product");
        return product != null && product.toString().equals("RabbitMQ");
    }

    private static void declareQueue(Channel channel, EngineConfig config, boolean rabbit) throws IOException {
        declare(channel, config.queue(), arguments(config, rabbit));
    }

    /**
     * Declares a durable queue; a queue that exists with other arguments (RabbitMQ's PRECONDITION_FAILED, e.g. a
     * classic queue where the configuration now says quorum) is one line naming the queue and the fix.
     */
    private static void declare(Channel channel, String queue, Map<String, Object> arguments) throws IOException {
        try {
            channel.queueDeclare(queue, true, false, false, arguments);
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException s && s.getMessage().contains("PRECONDITION_FAILED")) {
                throw new IOException("queue " + queue + " exists with other arguments than " + arguments
                        + " (the broker said: " + BrokerConnector.reason(s) + "); a queue's type cannot change:"
                        + " drain it, delete it (rabbitmqctl delete_queue " + queue + " -p VHOST) and start again,"
                        + " or set queue_type back", e);
            }
            throw e;
        }
    }
}
