package dev.orchestrator.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Signals in order; a confirm wakes a waiting worker only once the confirms waiting cover a batch of outputs. */
class InboxTest {

    private final Inbox inbox = new Inbox(10);

    private CompletableFuture<Signal> waitingWorker() {
        return waitingWorker(inbox, TimeUnit.MINUTES.toNanos(1));
    }

    private CompletableFuture<Signal> waitingWorker(long nanos) {
        return waitingWorker(inbox, nanos);
    }

    /** A thread waiting in {@code inbox}'s {@link Inbox#poll(long)} for at most {@code nanos}: what it takes. */
    static CompletableFuture<Signal> waitingWorker(Inbox inbox, long nanos) {
        CompletableFuture<Signal> taken = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                taken.complete(inbox.poll(nanos));
            } catch (InterruptedException e) {
                taken.completeExceptionally(e);
            }
        });
        worker.setDaemon(true);
        worker.start();
        await().until(() -> worker.getState() == Thread.State.TIMED_WAITING);
        return taken;
    }

    @Test
    void confirmsWakeTheWorkerOnlyOnceTheyCoverABatch() throws Exception {
        CompletableFuture<Signal> taken = waitingWorker();
        Signal.Confirm first = new Signal.Confirm(null, 4, true, true);
        inbox.addConfirm(first, 4);
        inbox.addConfirm(new Signal.Confirm(null, 9, true, true), 5);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !taken.isDone());
        inbox.addConfirm(new Signal.Confirm(null, 10, false, true), 1);
        assertSame(first, taken.get(5, TimeUnit.SECONDS), "woken by the tenth output, it takes the signals in order");
        assertEquals(9, ((Signal.Confirm) inbox.poll()).seq());
        assertEquals(10, ((Signal.Confirm) inbox.poll()).seq());
        assertNull(inbox.poll());
    }

    @Test
    void duringAStopEveryConfirmWakesTheWorker() throws Exception {
        inbox.wakeOnEveryConfirm();
        CompletableFuture<Signal> taken = waitingWorker();
        Signal.Confirm confirm = new Signal.Confirm(null, 1, false, true);
        inbox.addConfirm(confirm, 1);
        assertSame(confirm, taken.get(5, TimeUnit.SECONDS), "one output's confirm wakes it, a minute before its wait ends");
    }

    @Test
    void aDeliveryWakesTheWorkerAndComesAfterTheConfirmsBeforeIt() throws Exception {
        CompletableFuture<Signal> taken = waitingWorker();
        Signal.Confirm confirm = new Signal.Confirm(null, 1, false, true);
        inbox.addConfirm(confirm, 1);
        Signal.Wake wake = new Signal.Wake();
        inbox.add(wake);
        assertSame(confirm, taken.get(5, TimeUnit.SECONDS));
        assertSame(wake, inbox.poll());
    }

    @Test
    void aWaitThatRunsOutTakesTheConfirmsThatDidNotWakeIt() throws Exception {
        CompletableFuture<Signal> taken = waitingWorker(TimeUnit.MILLISECONDS.toNanos(300));
        Signal.Confirm confirm = new Signal.Confirm(null, 1, false, true);
        inbox.addConfirm(confirm, 1);
        assertSame(confirm, taken.get(5, TimeUnit.SECONDS));
        assertNull(inbox.poll(0));
    }
}
