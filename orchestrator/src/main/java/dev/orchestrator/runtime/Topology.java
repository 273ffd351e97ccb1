package dev.orchestrator.runtime;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine's queues, exchanges and bindings, as Canopsis declared them: queue {@code Engine_<name>} durable, not
 * exclusive, not auto-delete, bound to {@code exchange_name} with each of {@code routing_keys} (with its own name
 * when there are none, Canopsis' rule for {@code amq.direct}); exchanges other than the predeclared {@code amq.*}
 * ones are durable topic exchanges; {@code canopsis.events} and {@code canopsis.alerts} exist. Also the queues of the
 * engines in {@code next}, bound to {@code amq.direct} with their names, so events wait for a stopped engine, and
 * {@code Engine_<name>.errors}. Queue arguments are passed only when configured (Qpid refuses RabbitMQ-only ones).
 */
final class Topology {

    static final String DIRECT = "amq.direct";

    private final EngineConfig engine;
    private final List<EngineConfig> next;
    private final AmqpSettings amqp;

    /** {@code next}: the configurations of the engines in {@code engine.next()}, in that order. */
    Topology(EngineConfig engine, List<EngineConfig> next, AmqpSettings amqp) {
        this.engine = engine;
        this.next = next;
        this.amqp = amqp;
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
        Set<String> exchanges = new LinkedHashSet<>(List.of(amqp.eventsExchange(), amqp.alertsExchange(),
                engine.exchangeName()));
        exchanges.removeIf(Topology::predeclared);
        return exchanges;
    }

    /** The default exchange and the {@code amq.*} ones, which every broker has and nobody may declare. */
    static boolean predeclared(String exchange) {
        return exchange.isEmpty() || exchange.startsWith("amq.");
    }

    void declare(Channel channel) throws IOException {
        for (String exchange : exchanges()) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, null);
        }
        declareQueue(channel, engine);
        List<String> keys = engine.routingKeys().isEmpty() ? List.of(engine.queue()) : engine.routingKeys();
        for (String key : keys) {
            channel.queueBind(engine.queue(), engine.exchangeName(), key);
        }
        for (EngineConfig target : next) {
            declareQueue(channel, target);
            channel.queueBind(target.queue(), DIRECT, target.queue());
        }
        channel.queueDeclare(errorQueue(), true, false, false, null);
    }

    private static void declareQueue(Channel channel, EngineConfig config) throws IOException {
        Map<String, Object> arguments = config.queueArguments() == null || config.queueArguments().isEmpty()
                ? null : config.queueArguments();
        channel.queueDeclare(config.queue(), true, false, false, arguments);
    }
}
