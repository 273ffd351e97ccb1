package dev.orchestrator.runtime;

import com.rabbitmq.client.AMQP;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which inputs may be acked: an input is settled once it has been processed and every output it produced has been
 * confirmed by the broker. Acks go out over the contiguous settled prefix, in delivery order, as one
 * {@code basic.ack multiple=true}; an input whose output was returned (its queue is gone) is requeued instead
 * ({@code basic.nack requeue=true}). An output the broker nacks (a queue without a leader, a full queue with
 * {@code reject-publish}) is kept, with its input unsettled, for the worker to publish again ({@link #takeRefused}):
 * the input is not requeued, since a requeue counts as a delivery against a quorum queue's delivery limit and a
 * downstream outage is not the event's fault. Outputs are tracked by publish sequence number, which a confirm-mode
 * channel numbers contiguously from 1; outputs of beats have no input. Each output's destination, properties and
 * body are kept until it is confirmed, so that a {@code basic.return} (which names the destination, not the sequence
 * number) finds the inputs it concerns and a nacked output can be published again. Acks are batched whatever the
 * rate ({@link #flushIfDue}): they go out once {@code ackBatch} inputs are settled (half the prefetch, as PerfTest's
 * consumer acks), or once the first of them has waited {@code lingerNanos}. One instance per channel, used by one
 * thread only.
 */
final class DeliveryTracker {

    /**
     * An input in flight: its delivery tag and message (kept until it is acked, to be error-queued if an output
     * cannot be routed), its unconfirmed outputs, whether one was returned (it is requeued), and whether it was sent
     * to the error queue because of a return.
     */
    static final class Input {
        final long tag;
        final Signal.Delivery delivery;
        int outstanding;
        boolean processed;
        boolean requeue;
        boolean errorQueued;

        Input(long tag, Signal.Delivery delivery) {
            this.tag = tag;
            this.delivery = delivery;
        }
    }

    /** What a nacked output means, when the broker nacks what it cannot route (Qpid): told the output's destination. */
    interface Refusals {
        void refused(Input input, String exchange, String routingKey);
    }

    /** What settles inputs on the channel. */
    interface Acker {
        void ack(long tag, boolean multiple) throws IOException;

        void requeue(long tag) throws IOException;
    }

    /** An output the broker nacked, to be published again for its input. */
    record Refused(Input input, String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {}

    /** Marks an output without an input (a beat's publish). */
    private static final Input NO_INPUT = new Input(-1, null);

    /** No input is settled and waiting for its ack. */
    private static final long NONE = Long.MIN_VALUE;

    private final int ackBatch;
    private final long lingerNanos;
    private final ArrayDeque<Input> inputs = new ArrayDeque<>();
    private Input[] outputs = new Input[64];
    private String[] exchanges = new String[64];
    private String[] routingKeys = new String[64];
    private AMQP.BasicProperties[] properties = new AMQP.BasicProperties[64];
    private byte[][] bodies = new byte[64][];
    private final List<Refused> refused = new ArrayList<>();
    private int head;
    private int size;
    private long firstSeq = 1;
    private long nackedWithoutInput;
    private int settled;
    private long settledSince = NONE;

    /** Acks every {@code ackBatch} settled inputs, or after {@code lingerNanos} for fewer. */
    DeliveryTracker(int ackBatch, long lingerNanos) {
        this.ackBatch = Math.max(1, ackBatch);
        this.lingerNanos = lingerNanos;
    }

    /** A delivery taken for processing. */
    Input received(Signal.Delivery delivery) {
        Input input = new Input(delivery.envelope().getDeliveryTag(), delivery);
        inputs.addLast(input);
        return input;
    }

    /** An output to {@code exchange} with {@code routingKey}, published as {@code seq} for {@code input} (null: a beat's). */
    void published(Input input, long seq, String exchange, String routingKey, AMQP.BasicProperties props,
                   byte[] body) {
        if (size == 0) {
            firstSeq = seq;
        } else if (seq != firstSeq + size) {
            throw new IllegalStateException("publish sequence " + seq + " after " + (firstSeq + size - 1));
        }
        if (size == outputs.length) {
            grow();
        }
        int slot = (head + size) % outputs.length;
        outputs[slot] = input == null ? NO_INPUT : input;
        exchanges[slot] = exchange;
        routingKeys[slot] = routingKey;
        properties[slot] = props;
        bodies[slot] = body;
        size++;
        if (input != null && input.outstanding++ == 0 && input.processed) {
            settled--; // settled, then given another output (the error queue, after a return)
        }
    }

    /** The input's processing is over (outputs all published). */
    void processed(Input input) {
        input.processed = true;
        if (input.outstanding == 0) {
            settled++;
        }
    }

    /**
     * A broker confirm: {@code ack} or nack of {@code seq}, or of every sequence up to it when {@code multiple}. A
     * nacked output of an input goes to {@code refusals} when the broker nacks what it cannot route (Qpid), else it
     * waits in {@link #takeRefused} to be published again.
     */
    void confirmed(long seq, boolean multiple, boolean ack, Refusals refusals) {
        if (multiple) {
            for (long s = firstSeq; s <= seq && size > 0; s++) {
                settle(s, ack, refusals);
            }
        } else {
            settle(seq, ack, refusals);
        }
        while (size > 0 && outputs[head] == null) {
            exchanges[head] = null;
            routingKeys[head] = null;
            properties[head] = null;
            bodies[head] = null;
            head = (head + 1) % outputs.length;
            size--;
            firstSeq++;
        }
    }

    private void settle(long seq, boolean ack, Refusals refusals) {
        long index = seq - firstSeq;
        if (index < 0 || index >= size) {
            return;
        }
        int slot = (int) ((head + index) % outputs.length);
        Input input = outputs[slot];
        if (input == null) {
            return;
        }
        outputs[slot] = null;
        if (input == NO_INPUT) {
            nackedWithoutInput += ack ? 0 : 1;
            return;
        }
        if (ack) {
            confirmedOne(input);
        } else if (refusals == null) {
            refused.add(new Refused(input, exchanges[slot], routingKeys[slot], properties[slot], bodies[slot]));
        } else {
            confirmedOne(input);
            refusals.refused(input, exchanges[slot], routingKeys[slot]);
        }
    }

    /** One output of {@code input} is no longer outstanding: the input is settled with its last one, if processed. */
    private void confirmedOne(Input input) {
        if (--input.outstanding == 0 && input.processed) {
            settled++;
        }
    }

    /** Whether nacked outputs wait to be published again. */
    boolean hasRefused() {
        return !refused.isEmpty();
    }

    /** The nacked outputs, taken to be published again ({@link #publishedAgain}); their inputs stay unsettled. */
    List<Refused> takeRefused() {
        List<Refused> taken = List.copyOf(refused);
        refused.clear();
        return taken;
    }

    /** A nacked output published again as {@code seq}: still outstanding for its input, now under that number. */
    void publishedAgain(Refused output, long seq) {
        published(output.input(), seq, output.exchange(), output.routingKey(), output.properties(), output.body());
        output.input().outstanding--;
    }

    /**
     * A {@code basic.return} for {@code exchange} and {@code routingKey}: it names no sequence number and may come
     * before the confirms of earlier publishes, so every unconfirmed output to that destination may be the returned
     * one. Hands each input of those to {@code failed}, once per return (outputs of beats have none).
     */
    void returned(String exchange, String routingKey, Consumer<Input> failed) {
        Input last = null;
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % outputs.length;
            Input input = outputs[slot];
            if (input == null || !exchange.equals(exchanges[slot]) || !routingKey.equals(routingKeys[slot])) {
                continue;
            }
            if (input != NO_INPUT && input != last) {
                failed.accept(input);
                last = input;
            }
        }
    }

    /**
     * Acks (or requeues) the settled inputs at the head when {@code ackBatch} inputs are settled or the first of them
     * has waited {@code lingerNanos} at {@code now}; returns how many inputs it settled.
     */
    int flushIfDue(Acker acker, long now) throws IOException {
        if (settled == 0) {
            return 0;
        }
        if (settledSince == NONE) {
            settledSince = now;
        }
        if (settled < ackBatch && now - settledSince < lingerNanos) {
            return 0;
        }
        int flushed = flush(acker);
        settledSince = settled == 0 ? NONE : now;
        return flushed;
    }

    /**
     * How long the worker may wait at most without a signal that wakes it, from {@code now}: until the settled
     * inputs' acks are due or, while outputs are unconfirmed, {@code lingerNanos} (their confirms may be waiting in
     * the inbox); {@code Long.MAX_VALUE} when nothing is pending.
     */
    long nanosUntilFlush(long now) {
        if (settled > 0) {
            return settledSince == NONE ? lingerNanos : Math.max(0, settledSince + lingerNanos - now);
        }
        return size > 0 ? lingerNanos : Long.MAX_VALUE;
    }

    /** Acks (or requeues) the settled inputs at the head now; returns how many inputs it settled. */
    int flush(Acker acker) throws IOException {
        long ackUpTo = -1;
        int flushed = 0;
        while (!inputs.isEmpty()) {
            Input input = inputs.peekFirst();
            if (!input.processed || input.outstanding > 0) {
                break;
            }
            inputs.pollFirst();
            settled--;
            flushed++;
            if (input.requeue) {
                if (ackUpTo >= 0) {
                    acker.ack(ackUpTo, true);
                    ackUpTo = -1;
                }
                acker.requeue(input.tag);
            } else {
                ackUpTo = input.tag;
            }
        }
        if (ackUpTo >= 0) {
            acker.ack(ackUpTo, true);
        }
        return flushed;
    }

    /** Inputs taken and not yet acked. */
    int inFlight() {
        return inputs.size();
    }

    /** Outputs published and not yet confirmed. */
    int unconfirmed() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            count += outputs[(head + i) % outputs.length] == null ? 0 : 1;
        }
        return count;
    }

    /** Beat outputs the broker nacked since the last call. */
    long takeNackedWithoutInput() {
        long n = nackedWithoutInput;
        nackedWithoutInput = 0;
        return n;
    }

    private void grow() {
        int length = outputs.length;
        outputs = unrolled(outputs, new Input[length * 2]);
        exchanges = unrolled(exchanges, new String[length * 2]);
        routingKeys = unrolled(routingKeys, new String[length * 2]);
        properties = unrolled(properties, new AMQP.BasicProperties[length * 2]);
        bodies = unrolled(bodies, new byte[length * 2][]);
        head = 0;
    }

    /** The ring's {@code size} entries from {@code head}, at the start of {@code bigger}. */
    private <T> T[] unrolled(T[] ring, T[] bigger) {
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        Arrays.fill(ring, null);
        return bigger;
    }
}
