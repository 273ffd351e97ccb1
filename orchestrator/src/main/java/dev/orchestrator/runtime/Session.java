package dev.orchestrator.runtime;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.orchestrator.broker.BrokerConnector;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * One connection of a worker and its single channel (confirm mode, prefetch set, topology declared), consuming the
 * engine's queue. Everything the broker sends becomes a {@link Signal} in the worker's inbox; everything sent goes
 * through {@link #channel()} from the worker's thread only. Dies as a whole: the worker then opens a new one.
 */
final class Session implements Consumer, ConfirmListener {

    private final Connection connection;
    private final Channel channel;
    private final BlockingQueue<Signal> inbox;
    private final Set<String> knownExchanges = new HashSet<>();
    private volatile boolean closing;
    private String consumerTag;

    private Session(Connection connection, Channel channel, BlockingQueue<Signal> inbox) {
        this.connection = connection;
        this.channel = channel;
        this.inbox = inbox;
    }

    /**
     * Connects, opens the channel, declares the topology and starts consuming.
     *
     * @throws dev.orchestrator.broker.BrokerException when the broker cannot be reached
     * @throws IOException when the broker refuses the channel set-up or a declaration (the connection is closed)
     */
    static Session open(BrokerConnector connector, String connectionName, Topology topology, int prefetch,
            BlockingQueue<Signal> inbox) throws IOException {
        Connection connection = connector.connect(connectionName);
        try {
            Channel channel = connection.createChannel();
            Session session = new Session(connection, channel, inbox);
            channel.confirmSelect();
            channel.basicQos(prefetch);
            topology.declare(channel);
            session.knownExchanges.addAll(topology.exchanges());
            channel.addConfirmListener(session);
            channel.addShutdownListener(session::lost);
            connection.addShutdownListener(session::lost);
            session.consumerTag = channel.basicConsume(topology.queue(), false, session);
            return session;
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
            throw e;
        }
    }

    Channel channel() {
        return channel;
    }

    /**
     * Checks, once per session, that a task's target exchange exists: a publish to a missing one would close the
     * worker's channel, and the redelivered event would do it again forever. The check uses a channel of its own.
     *
     * @throws IllegalArgumentException when the broker has no such exchange (the event goes to the error queue)
     */
    void checkExchange(String exchange) throws IOException {
        if (Topology.predeclared(exchange) || knownExchanges.contains(exchange)) {
            return;
        }
        Channel check = connection.createChannel();
        try {
            check.exchangeDeclarePassive(exchange);
            knownExchanges.add(exchange);
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException signal && !signal.isHardError()
                    && signal.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == AMQP.NOT_FOUND) {
                throw new IllegalArgumentException("no exchange '" + exchange + "' on the broker");
            }
            throw e;
        } finally {
            if (check.isOpen()) {
                check.abort();
            }
        }
    }

    /** Stops the deliveries (those already sent stay unacked, and are requeued when the channel closes). */
    void cancel() throws IOException {
        channel.basicCancel(consumerTag);
    }

    /** Closes the connection; the broker requeues every unacked delivery. */
    void close() {
        closing = true;
        connection.abort(2_000);
    }

    private void lost(ShutdownSignalException cause) {
        if (!closing) {
            inbox.add(new Signal.Lost(this, cause.getMessage()));
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        inbox.add(new Signal.Delivery(this, envelope, properties, body));
    }

    @Override
    public void handleAck(long seq, boolean multiple) {
        inbox.add(new Signal.Confirm(this, seq, multiple, true));
    }

    @Override
    public void handleNack(long seq, boolean multiple) {
        inbox.add(new Signal.Confirm(this, seq, multiple, false));
    }

    @Override
    public void handleCancel(String tag) {
        inbox.add(new Signal.Lost(this, "the broker cancelled the consumer (queue deleted?)"));
    }

    @Override
    public void handleConsumeOk(String tag) { }

    @Override
    public void handleCancelOk(String tag) { }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException cause) { }

    @Override
    public void handleRecoverOk(String tag) { }
}
