package dev.orchestrator.config;

/**
 * Where the broker is: an AMQP URI from {@code --amqp-uri}, {@code ORCHESTRATOR_AMQP_URI} or
 * {@code amqp.conf [master]}; null URI means the embedded broker. {@code exchangeName} is Canopsis'
 * {@code exchange_name} (default {@code canopsis}), from which {@code canopsis.events} and {@code canopsis.alerts} derive.
 */
public record AmqpSettings(String uri, String exchangeName) {

    public static final String DEFAULT_EXCHANGE_NAME = "canopsis";

    public boolean embedded() { return uri == null; }

    public String eventsExchange() { return exchangeName + ".events"; }

    public String alertsExchange() { return exchangeName + ".alerts"; }
}
