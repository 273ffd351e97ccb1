package dev.orchestrator.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Which inputs may be acked: an input is settled once it has been processed and every output it produced has been
 * confirmed by the broker. Acks go out over the contiguous settled prefix, in delivery order, as one
 * {@code basic.ack multiple=true}; an input with a nacked output is requeued instead ({@code basic.nack
 * requeue=true}). Outputs are tracked by publish sequence number, which a confirm-mode channel numbers
 * contiguously from 1; outputs of beats have no input. One instance per channel, used by one thread only.
 */
final class DeliveryTracker {

    /** An input in flight: its delivery tag, its unconfirmed outputs, and whether any output was nacked. */
    static final class Input {
        final long tag;
        int outstanding;
        boolean processed;
        boolean nacked;

        Input(long tag) {
            this.tag = tag;
        }
    }

    /** What settles inputs on the channel. */
    interface Acker {
        void ack(long tag, boolean multiple) throws IOException;

        void requeue(long tag) throws IOException;
    }

    /** Marks an output without an input (a beat's publish). */
    private static final Input NO_INPUT = new Input(-1);

    private final ArrayDeque<Input> inputs = new ArrayDeque<>();
    private Input[] outputs = new Input[64];
    private int head;
    private int size;
    private long firstSeq = 1;
    private long nackedWithoutInput;

    /** A delivery taken for processing. */
    Input received(long tag) {
        Input input = new Input(tag);
        inputs.addLast(input);
        return input;
    }

    /** An output published with sequence number {@code seq} for {@code input} (null: a beat's output). */
    void published(Input input, long seq) {
        if (size == 0) {
            firstSeq = seq;
        } else if (seq != firstSeq + size) {
            throw new IllegalStateException("publish sequence " + seq + " after " + (firstSeq + size - 1));
        }
        if (size == outputs.length) {
            grow();
        }
        outputs[(head + size) % outputs.length] = input == null ? NO_INPUT : input;
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
    void confirmed(long seq, boolean multiple, boolean ack) {
        if (multiple) {
            for (long s = firstSeq; s <= seq && size > 0; s++) {
                settle(s, ack);
            }
        } else {
            settle(seq, ack);
        }
        while (size > 0 && outputs[head] == null) {
            head = (head + 1) % outputs.length;
            size--;
            firstSeq++;
        }
    }

    private void settle(long seq, boolean ack) {
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
        input.nacked |= !ack;
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
        Input[] bigger = new Input[outputs.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = outputs[(head + i) % outputs.length];
        }
        Arrays.fill(outputs, null);
        outputs = bigger;
        head = 0;
    }
}
