package dev.orchestrator.chaos.stream;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.awaitility.Awaitility;

/**
 * A stream of events through a chain under test: the {@link Feed} publishing on its own thread while the scenario
 * injects its faults, the {@link Tally} counting at the end, and the figures once everything published is
 * accounted for (or nothing more arrives).
 */
public final class Stream implements AutoCloseable {

    private final Lab lab;
    private final Feed feed;
    private final Tally tally;
    private CompletableFuture<Void> publishing = CompletableFuture.completedFuture(null);
    private long publishStart;
    private long publishEnd;

    public Stream(Lab lab, String uri, Installation installation) throws Exception {
        this.lab = lab;
        this.tally = new Tally(uri, installation);
        this.feed = new Feed(uri);
    }

    public Tally tally() { return tally; }

    public Feed feed() { return feed; }

    /** Starts publishing ids {@code first .. first+count-1} in the background. */
    public Stream start(long first, long count, LongFunction<Events.Message> messages, double perSecond) {
        publishStart = System.nanoTime();
        publishing = CompletableFuture.runAsync(() -> {
            try {
                feed.publish(first, count, messages, perSecond);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                publishEnd = System.nanoTime();
            }
        });
        return this;
    }

    /** Waits until {@code n} events are confirmed. */
    public void awaitPublished(long n) {
        Awaitility.await(n + " events published").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> feed.published().size() >= n || publishing.isDone());
        if (publishing.isCompletedExceptionally()) publishing.join();
    }

    public void awaitPublishingDone() {
        publishing.join();
    }

    /** Every event of the stream is published (confirmed). */
    public boolean publishingDone() {
        return publishing.isDone();
    }

    /** Events a second while publishing (confirmed). */
    public double publishRate() {
        long end = publishing.isDone() ? publishEnd : System.nanoTime();
        return feed.published().size() / Math.max(1e-9, (end - publishStart) / 1e9);
    }

    /** Published ids not accounted for yet (neither delivered nor error-queued). */
    public long missing() {
        return feed.published().stream().filter(id -> !tally.accounted(id)).count();
    }

    /**
     * {@link #settleWithPoison} for a stream of healthy events only: any error-queued id is a failure, whatever the
     * fault did (a healthy event must be delivered, never error-queued).
     */
    public Figures settle(Duration quiet) {
        Figures figures = settleWithPoison(quiet);
        if (figures.errorQueued() == 0) return figures;
        var first = tally.errors().entrySet().iterator().next();
        return figures.withFailure(figures.errorQueued() + " healthy event(s) error-queued, e.g. id " + first.getKey()
                + ": " + first.getValue());
    }

    /**
     * Waits for the end of publishing, then until every published id is accounted for or nothing arrived for
     * {@code quiet}; returns the figures (describe them with {@link Figures#described}). The scenario judges the
     * error-queued ids itself.
     */
    public Figures settleWithPoison(Duration quiet) {
        publishing.join();
        long quietNanos = quiet.toNanos();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> missing() == 0 || System.nanoTime() - tally.lastArrival() > quietNanos);
        long lost = missing();
        long published = feed.published().size();
        if (lost > 0) {
            lab.log("lost ids (first 20): " + feed.published().stream().filter(id -> !tally.accounted(id)).sorted()
                    .limit(20).toList());
        }
        return new Figures(published, tally.distinctDelivered(), tally.duplicates(), tally.errors().size(), lost,
                "-", feed.retries() > 0 ? "feeder batches republished: " + feed.retries() : "", null);
    }

    /** Seconds since {@code startNanos}, with one decimal. */
    public static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    public static String seconds(long fromNanos, long toNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (toNanos - fromNanos) / 1e9);
    }

    @Override
    public void close() {
        publishing.cancel(true);
        feed.close();
        tally.close();
    }
}
