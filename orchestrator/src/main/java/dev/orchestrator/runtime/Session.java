package dev.orchestrator.runtime;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.ConnectionPool;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * A worker's channel (confirm mode, prefetch set, topology declared) on its engine's shared connection
 * ({@link ConnectionPool}), consuming the engine's queue. Everything the broker sends becomes a {@link Signal} in the
 * worker's inbox; everything sent goes through {@link #channel()} from the worker's thread only. Dies as a whole,
 * with its channel or the connection under it: the worker then opens a new one.
 */
final class Session implements Consumer, ConfirmListener, ReturnListener {

    private final ConnectionPool.Lease connection;
    private final String declared;
    private final Channel channel;
    private final Inbox inbox;
    private final Set<String> knownExchanges = new HashSet<>();
    private volatile boolean closing;
    private String consumerTag;

    /** The highest sequence number confirmed so far (amqp-client's connection thread only). */
    private long confirmedUpTo;

    private Session(ConnectionPool.Lease connection, String declared, Channel channel, Inbox inbox) {
        this.connection = connection;
        this.declared = declared;
        this.channel = channel;
        this.inbox = inbox;
    }

    /**
     * Opens a channel on {@code engine}'s connection (connecting if needed), declares the topology (once for all the
     * engine's workers on the connection while one of their sessions lives: {@link ConnectionPool.Lease#once}) and
     * starts consuming.
     *
     * @throws dev.orchestrator.broker.BrokerException when the broker cannot be reached
     * @throws IOException when the broker refuses the channel set-up or a declaration (the channel is closed)
     */
    static Session open(BrokerConnector connector, String engine, Topology topology, int prefetch,
            Inbox inbox) throws IOException {
        ConnectionPool.Lease connection = connector.lease(engine);
        Channel opened = null;
        try {
            Channel channel = connection.createChannel();
            opened = channel;
            Session session = new Session(connection, topology.key(), channel, inbox);
            channel.confirmSelect();
            channel.basicQos(prefetch);
            connection.once(session.declared, () -> topology.declare(channel));
            session.knownExchanges.addAll(topology.exchanges());
            channel.addConfirmListener(session);
            channel.addReturnListener(session);
            channel.addShutdownListener(session::lost);
            session.consumerTag = channel.basicConsume(topology.queue(), false, session);
            return session;
        } catch (IOException | RuntimeException e) {
            connection.forget(topology.key());
            if (opened != null) abort(opened);
            connection.release();
            throw e;
        }
    }

    Channel channel() {
        return channel;
    }

    /**
     * Whether the broker nacks a mandatory publish it cannot route (and returns it after the nack): Qpid Broker-J
     * does; RabbitMQ returns it before an ack.
     */
    boolean nacksUnroutable() {
        return !Topology.isRabbitMq(channel);
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
            abort(check);
        }
    }

    /** Stops the deliveries (those already sent stay unacked, and are requeued when the channel closes). */
    void cancel() throws IOException {
        channel.basicCancel(consumerTag);
    }

    /**
     * Closes the channel and gives its share of the connection back; the broker requeues every unacked delivery.
     * What it declared stays known to the connection, so the engine's next session there (a restart) does not declare
     * it again; a session lost instead ({@link #lost}, {@link #handleCancel}) makes the next one declare again.
     */
    void close() {
        closing = true;
        abort(channel);
        connection.release();
    }

    private static void abort(Channel channel) {
        try {
            channel.abort();
        } catch (IOException | RuntimeException e) {
            // closed already, or the connection under it is gone: the broker requeues either way
        }
    }

    /** The channel closed: by the broker or with the connection, what it declared may be gone; by us, it is not. */
    private void lost(ShutdownSignalException cause) {
        if (!cause.isInitiatedByApplication()) {
            connection.forget(declared);
        }
        if (!closing) {
            inbox.add(new Signal.Lost(this, cause.getMessage()));
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        inbox.add(new Signal.Delivery(this, envelope, properties, body));
    }

    /** An ack wakes the worker only with enough others ({@link Inbox#addConfirm}): its inputs' acks can wait. */
    @Override
    public void handleAck(long seq, boolean multiple) {
        inbox.addConfirm(new Signal.Confirm(this, seq, multiple, true), settled(seq, multiple));
    }

    @Override
    public void handleNack(long seq, boolean multiple) {
        settled(seq, multiple);
        inbox.add(new Signal.Confirm(this, seq, multiple, false));
    }

    /** The outputs a confirm (ack or nack) settles: one, or when {@code multiple} all since the last confirm. */
    private int settled(long seq, boolean multiple) {
        long outputs = multiple ? Math.max(1, seq - confirmedUpTo) : 1;
        confirmedUpTo = Math.max(confirmedUpTo, seq);
        return (int) Math.min(outputs, Integer.MAX_VALUE);
    }

    /** Before the confirm of the same publish, on the same amqp-client thread: the worker sees the return first. */
    @Override
    public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
            AMQP.BasicProperties properties, byte[] body) {
        inbox.add(new Signal.Returned(this, replyCode, replyText, exchange, routingKey));
    }

    @Override
    public void handleCancel(String tag) {
        connection.forget(declared);
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
