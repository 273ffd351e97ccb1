package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabbitmq.client.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acks go out only over the contiguous prefix of inputs whose outputs are all confirmed; a nacked output waits to be
 * published again with its input held; a returned one requeues its input; acks are batched by count or by a linger
 * on a clock the test drives, whatever the rate.
 */
class DeliveryTrackerTest {

    private static final int BATCH = 3;
    private static final long LINGER = 10_000_000;
    private final DeliveryTracker tracker = new DeliveryTracker(BATCH, LINGER);
    private final List<String> sent = new ArrayList<>();
    private final DeliveryTracker.Acker acker = new DeliveryTracker.Acker() {
        @Override public void ack(long tag, boolean multiple) { sent.add("ack " + tag + (multiple ? "+" : "")); }
        @Override public void requeue(long tag) { sent.add("requeue " + tag); }
    };

    private DeliveryTracker.Input received(long tag) {
        return tracker.received(new Signal.Delivery(null, new Envelope(tag, false, "", "Engine_x"), null, null));
    }

    private void publish(DeliveryTracker.Input input, long seq, String exchange, String routingKey) {
        tracker.published(input, seq, exchange, routingKey, null, ("output " + seq).getBytes(StandardCharsets.UTF_8));
    }

    private DeliveryTracker.Input processed(long tag, long... seqs) {
        DeliveryTracker.Input input = received(tag);
        for (long seq : seqs) {
            publish(input, seq, Topology.DIRECT, "Engine_next");
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
        tracker.confirmed(4, false, true, null);
        tracker.confirmed(1, false, true, null);
        assertEquals(0, tracker.flush(acker));
        tracker.confirmed(2, false, true, null);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+"), sent);
        tracker.confirmed(3, true, true, null);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+", "ack 4+"), sent);
        assertEquals(0, tracker.inFlight());
        assertEquals(0, tracker.unconfirmed());
    }

    @Test
    void aNackedOutputHoldsItsInputUntilPublishedAgainAndConfirmed() throws Exception {
        processed(10, 1);
        DeliveryTracker.Input held = processed(11, 2, 3);
        processed(12, 4);
        tracker.confirmed(2, false, false, null);
        tracker.confirmed(4, true, true, null);
        assertEquals(1, tracker.flush(acker));
        assertEquals(List.of("ack 10+"), sent, "11 waits for its nacked output; 12 waits behind it");

        List<DeliveryTracker.Refused> refused = tracker.takeRefused();
        assertEquals(1, refused.size());
        assertEquals(held, refused.get(0).input());
        assertEquals("output 2", new String(refused.get(0).body(), StandardCharsets.UTF_8));
        assertFalse(tracker.hasRefused());
        assertEquals(0, tracker.flush(acker), "taken is not confirmed: 11 is still held");

        tracker.publishedAgain(refused.get(0), 5);
        assertEquals(0, tracker.flush(acker));
        tracker.confirmed(5, false, false, null);
        tracker.publishedAgain(tracker.takeRefused().get(0), 6);
        tracker.confirmed(6, false, true, null);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 10+", "ack 12+"), sent, "never requeued: a requeue counts as a delivery");
    }

    @Test
    void anInputWhoseOutputWasReturnedIsRequeuedAlone() throws Exception {
        processed(10, 1);
        processed(11, 2).requeue = true;
        processed(12, 3);
        tracker.confirmed(3, true, true, null);
        assertEquals(3, tracker.flush(acker));
        assertEquals(List.of("ack 10+", "requeue 11", "ack 12+"), sent);
    }

    @Test
    void anInputInProcessingHoldsBackTheOnesAfterIt() throws Exception {
        DeliveryTracker.Input first = received(1);
        publish(first, 1, Topology.DIRECT, "Engine_next");
        processed(2);
        tracker.confirmed(1, false, true, null);
        assertEquals(0, tracker.flush(acker));
        tracker.processed(first);
        assertEquals(2, tracker.flush(acker));
        assertEquals(List.of("ack 2+"), sent);
    }

    @Test
    void beatOutputsCountOnlyTheirNacks() throws Exception {
        publish(null, 1, "canopsis.events", "stats");
        processed(1, 2);
        publish(null, 3, "canopsis.events", "stats");
        tracker.confirmed(1, false, false, null);
        tracker.confirmed(3, true, true, null);
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
        tracker.confirmed(500, true, true, null);
        assertEquals(500, tracker.flush(acker));
        assertEquals(List.of("ack 500+"), sent);
        publish(null, 501, "canopsis.events", "stats");
        assertThrows(IllegalStateException.class, () -> publish(null, 503, "canopsis.events", "stats"));
    }

    @Test
    void aReturnFailsEveryInputWithAnUnconfirmedOutputToThatDestination() throws Exception {
        DeliveryTracker.Input first = received(1);
        publish(first, 1, Topology.DIRECT, "Engine_a");
        publish(first, 2, Topology.DIRECT, "Engine_b");
        tracker.processed(first);
        DeliveryTracker.Input second = received(2);
        publish(second, 3, Topology.DIRECT, "Engine_b");
        publish(second, 4, Topology.DIRECT, "Engine_b");
        tracker.processed(second);
        publish(null, 5, Topology.DIRECT, "Engine_b");
        tracker.confirmed(2, false, true, null);

        List<Long> failed = new ArrayList<>();
        tracker.returned(Topology.DIRECT, "Engine_b", input -> failed.add(input.tag));
        assertEquals(List.of(2L), failed, "seq 2 was confirmed: only the second input may have lost an output");
        tracker.returned("", "Engine_b", input -> failed.add(input.tag));
        assertEquals(List.of(2L), failed);
    }

    @Test
    void acksOnceABatchOfInputsIsSettled() throws Exception {
        long now = 1_000;
        processed(1, 1);
        processed(2);
        assertEquals(0, tracker.flushIfDue(acker, now), "one settled input, the batch is 3");
        processed(3, 2);
        tracker.confirmed(1, false, true, null);
        assertEquals(0, tracker.flushIfDue(acker, now), "two settled inputs");
        tracker.confirmed(2, false, true, null);
        assertEquals(3, tracker.flushIfDue(acker, now));
        assertEquals(List.of("ack 3+"), sent);
        assertEquals(Long.MAX_VALUE, tracker.nanosUntilFlush(now), "nothing pending: no wake-up");
    }

    @Test
    void acksFewerThanABatchOnceTheFirstHasLingered() throws Exception {
        long start = 5_000;
        processed(1);
        assertEquals(0, tracker.flushIfDue(acker, start));
        assertEquals(LINGER - 1, tracker.nanosUntilFlush(start + 1));
        processed(2);
        assertEquals(0, tracker.flushIfDue(acker, start + LINGER - 1));
        assertEquals(2, tracker.flushIfDue(acker, start + LINGER));
        assertEquals(List.of("ack 2+"), sent);
    }

    @Test
    void unconfirmedOutputsBringTheWorkerBackAfterTheLinger() throws Exception {
        processed(1, 1);
        assertEquals(0, tracker.flushIfDue(acker, 0));
        assertEquals(LINGER, tracker.nanosUntilFlush(7), "its confirm may wait in the inbox without waking it");
        tracker.confirmed(1, false, true, null);
        assertEquals(0, tracker.flushIfDue(acker, 8));
        assertEquals(LINGER - 1, tracker.nanosUntilFlush(9));
        assertEquals(0, tracker.nanosUntilFlush(8 + 2 * LINGER), "overdue: no wait");
        assertEquals(1, tracker.flushIfDue(acker, 8 + LINGER));
    }

    @Test
    void anInputIsCountedSettledOnceWhateverHappensToItsOutputs() throws Exception {
        DeliveryTracker.Input returned = processed(1, 1);
        tracker.confirmed(1, false, true, null);
        publish(returned, 2, "", "Engine_x.errors"); // a return sent it to the error queue after its ack
        processed(2, 3);
        tracker.confirmed(3, false, false, null); // nacked: published again, its input held
        DeliveryTracker.Refused refused = tracker.takeRefused().get(0);
        tracker.publishedAgain(refused, 4);
        processed(3);
        assertEquals(0, tracker.flushIfDue(acker, 0), "one input settled, not three");
        tracker.confirmed(2, false, true, null);
        assertEquals(0, tracker.flushIfDue(acker, 0), "two");
        tracker.confirmed(4, false, true, null);
        assertEquals(3, tracker.flushIfDue(acker, 0));
        assertEquals(List.of("ack 3+"), sent);
        assertEquals(Long.MAX_VALUE, tracker.nanosUntilFlush(0));
    }
}
