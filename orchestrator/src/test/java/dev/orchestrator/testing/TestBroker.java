package dev.orchestrator.testing;

/** A broker reserved for one test class: an AMQP URI nobody else uses, and a way to kill its client connections. */
public interface TestBroker extends AutoCloseable {

    BrokerKind kind();

    /** {@code amqp://guest:guest@127.0.0.1:PORT/VHOST}. */
    String uri();

    /** Closes every client connection from the broker side, like a broker-initiated disconnect. */
    void closeAllConnections();

    /** Releases the broker (stops the embedded one, deletes the RabbitMQ vhost). */
    @Override
    void close();
}
