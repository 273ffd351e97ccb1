package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acks go out only over the contiguous prefix of inputs whose outputs are all confirmed; a nack requeues. */
class DeliveryTrackerTest {

    private final DeliveryTracker tracker = new DeliveryTracker();
    private final List<String> sent = new ArrayList<>();
    private final DeliveryTracker.Acker acker = new DeliveryTracker.Acker() {
        @Override public void ack(long tag, boolean multiple) { sent.add("ack " + tag + (multiple ? "+" : "")); }
        @Override public void requeue(long tag) { sent.add("requeue " + tag); }
    };

    private DeliveryTracker.Input processed(long tag, long... seqs) {
        DeliveryTracker.Input input = tracker.received(tag);
        for (long seq : seqs) {
            tracker.published(input, seq);
        }
        tracker.processed(input);
        return input;
    }

    @Test
    void acksTheSettledPrefixOnceWithMultiple() throws Exception {
        processed(1, 1, 2);
        processed(2);
        processed(3, 3);
        processed(4, 4);
        assertEquals(0, tracker.flush(acker));
        tracker.confirmed(4, false, true);
        tracker.confirmed(1, false, true);
        assertEquals(0, tracker.flush(acker));
        tracker.confirmed(2, false, true);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+"), sent);
        tracker.confirmed(3, true, true);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+", "ack 4+"), sent);
        assertEquals(0, tracker.inFlight());
        assertEquals(0, tracker.unconfirmed());
    }

    @Test
    void anInputWithANackedOutputIsRequeuedAlone() throws Exception {
        processed(10, 1);
        processed(11, 2, 3);
        processed(12, 4);
        tracker.confirmed(2, false, false);
        tracker.confirmed(4, true, true);
        assertEquals(3, tracker.flush(acker));
        assertEquals(List.of("ack 10+", "requeue 11", "ack 12+"), sent);
    }

    @Test
    void anInputInProcessingHoldsBackTheOnesAfterIt() throws Exception {
        DeliveryTracker.Input first = tracker.received(1);
        tracker.published(first, 1);
        processed(2);
        tracker.confirmed(1, false, true);
        assertEquals(0, tracker.flush(acker));
        tracker.processed(first);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+"), sent);
    }

    @Test
    void beatOutputsCountOnlyTheirNacks() throws Exception {
        tracker.published(null, 1);
        processed(1, 2);
        tracker.published(null, 3);
        tracker.confirmed(1, false, false);
        tracker.confirmed(3, true, true);
        assertEquals(1, tracker.takeNackedWithoutInput());
        assertEquals(0, tracker.takeNackedWithoutInput());
        assertEquals(1, tracker.flush(acker));
        assertEquals(List.of("ack 1+"), sent);
    }

    @Test
    void growsPastItsInitialWindowAndRefusesGapsInSequenceNumbers() throws Exception {
        for (long tag = 1; tag <= 500; tag++) {
            processed(tag, tag);
        }
        assertEquals(500, tracker.unconfirmed());
        tracker.confirmed(500, true, true);
        assertEquals(500, tracker.flush(acker));
        assertEquals(List.of("ack 500+"), sent);
        tracker.published(null, 501);
        assertThrows(IllegalStateException.class, () -> tracker.published(null, 503));
    }
}
