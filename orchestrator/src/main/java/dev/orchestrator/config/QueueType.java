package dev.orchestrator.config;

import java.util.Locale;

/**
 * An engine queue's type ({@code queue_type} in {@code [engine:NAME]}, default from amqp.conf's {@code [master]}):
 * RabbitMQ's classic queue, or its replicated quorum queue with a delivery limit of {@code max_retries}
 * (docs/runtime.md, "Delivery limit").
 */
public enum QueueType {
    CLASSIC, QUORUM;

    /** The value as written in the configuration and shown by {@code check}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static QueueType parse(String value) throws InvalidValueException {
        for (QueueType type : values()) {
            if (type.key().equals(value.strip().toLowerCase(Locale.ROOT))) return type;
        }
        throw new InvalidValueException("invalid queue_type " + PyFormat.repr(value) + " (expected classic or quorum)");
    }
}
