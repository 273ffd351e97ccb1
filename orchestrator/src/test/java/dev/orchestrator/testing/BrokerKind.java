package dev.orchestrator.testing;

/** The brokers integration tests run against: the embedded Qpid and the real RabbitMQ on 127.0.0.1:5672. */
public enum BrokerKind { EMBEDDED, RABBITMQ }
