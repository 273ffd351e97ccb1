package dev.orchestrator.bench;

import dev.orchestrator.config.AmqpSettings;

/** Where a broker's virtual host is and who logs in: what amqp.conf's {@code [master]} holds. */
record BrokerAddress(String host, int port, String user, String password, String virtualHost) {

    /** The AMQP URI, each part encoded as the orchestrator reads it. */
    String uri() {
        return AmqpSettings.uri(host, port, user, password, virtualHost);
    }
}
