package dev.orchestrator.runtime;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;

/**
 * What the amqp-client threads hand to a worker's thread through its inbox: they only enqueue, never block and never
 * run engine code. Each signal names the {@link Session} it came from, so the worker ignores those of a dead one.
 */
sealed interface Signal {

    Session session();

    /** A message delivered to the worker's consumer. */
    record Delivery(Session session, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
            implements Signal { }

    /** A publisher confirm (ack or nack) of one sequence number or, when {@code multiple}, all up to it. */
    record Confirm(Session session, long seq, boolean multiple, boolean ack) implements Signal { }

    /** A {@code basic.return}: the broker could not route a mandatory publish (NO_ROUTE: no queue bound). */
    record Returned(Session session, int replyCode, String replyText, String exchange, String routingKey)
            implements Signal { }

    /** The connection or channel closed, or the broker cancelled the consumer. */
    record Lost(Session session, String reason) implements Signal { }

    /** Wakes the worker up to look at its stop flag; it belongs to no session. */
    record Wake() implements Signal {
        @Override
        public Session session() {
            return null;
        }
    }
}
