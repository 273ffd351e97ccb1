package dev.orchestrator.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Which inputs may be acked: an input is settled once it has been processed and every output it produced has been
 * confirmed by the broker. Acks go out over the contiguous settled prefix, in delivery order, as one
 * {@code basic.ack multiple=true}; an input with a nacked output is requeued instead ({@code basic.nack
 * requeue=true}). Outputs are tracked by publish sequence number, which a confirm-mode channel numbers
 * contiguously from 1; outputs of beats have no input. Each output's destination is kept until it is confirmed, so
 * that a {@code basic.return} (which names the destination, not the sequence number) finds the inputs it concerns.
 * One instance per channel, used by one thread only.
 */
final class DeliveryTracker {

    /**
     * An input in flight: its delivery tag and message (kept until it is acked, to be error-queued if an output
     * cannot be routed), its unconfirmed outputs, whether one was refused (nacked or returned: it is requeued), and
     * whether it was sent to the error queue because of a return.
     */
    static final class Input {
        final long tag;
        final Signal.Delivery delivery;
        int outstanding;
        boolean processed;
        boolean nacked;
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

    /** Marks an output without an input (a beat's publish). */
    private static final Input NO_INPUT = new Input(-1, null);

    private final ArrayDeque<Input> inputs = new ArrayDeque<>();
    private Input[] outputs = new Input[64];
    private String[] exchanges = new String[64];
    private String[] routingKeys = new String[64];
    private int head;
    private int size;
    private long firstSeq = 1;
    private long nackedWithoutInput;

    /** A delivery taken for processing. */
    Input received(Signal.Delivery delivery) {
        Input input = new Input(delivery.envelope().getDeliveryTag(), delivery);
        inputs.addLast(input);
        return input;
    }

    /** An output to {@code exchange} with {@code routingKey}, published as {@code seq} for {@code input} (null: a beat's). */
    void published(Input input, long seq, String exchange, String routingKey) {
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
        size++;
        if (input != null) {
            input.outstanding++;
        }
    }

    /** The input's processing is over (outputs all published). */
    void processed(Input input) {
        input.processed = true;
    }

    /** A broker confirm: {@code ack} or nack of {@code seq}, or of every sequence up to it when {@code multiple}. */
    /**
     * A broker confirm, a nack of an output with an input going to {@code refusals} (null: the input is requeued).
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
        input.outstanding--;
        if (ack) {
            return;
        }
        if (refusals == null) {
            input.nacked = true;
        } else {
            refusals.refused(input, exchanges[slot], routingKeys[slot]);
        }
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

    /** Acks (or requeues) the settled inputs at the head; returns how many inputs it settled. */
    int flush(Acker acker) throws IOException {
        long ackUpTo = -1;
        int settled = 0;
        while (!inputs.isEmpty()) {
            Input input = inputs.peekFirst();
            if (!input.processed || input.outstanding > 0) {
                break;
            }
            inputs.pollFirst();
            settled++;
            if (input.nacked) {
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
        return settled;
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
