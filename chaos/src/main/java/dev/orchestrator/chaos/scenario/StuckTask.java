package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.Cli;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.Locale;
import org.awaitility.Awaitility;

/**
 * Scenario 5: a task blocks forever (deaf to interrupts) on worker 0 of the first engine. {@code orchestrator stop}
 * of that worker returns within {@code stopwaitsecs} + 1 s, and what the stuck worker held (the blocking events and
 * those prefetched behind them) is redelivered to the other worker and comes out of the chain.
 */
public final class StuckTask implements Scenario {

    static final int STOPWAITSECS = 2;
    static final int EVENTS = 4_000;
    static final int BLOCKING = 20;

    @Override public int number() { return 5; }

    @Override public String title() { return "task blocked forever, stop"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s5-stuck", 2, i -> i.stopwaitsecs(STOPWAITSECS).prefetch(20));
        Stream stream = chain.stream().start(0, EVENTS, id -> chain.events().make(id,
                id % (EVENTS / BLOCKING) == 7 ? Events.Kind.BLOCKS : Events.Kind.NORMAL), 0);
        stream.awaitPublishingDone();
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        Awaitility.await("the chain stuck on worker 0").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long missing = stream.missing();
                    if (missing != last[0]) {
                        last[0] = missing;
                        since[0] = System.nanoTime();
                    }
                    return missing > 0 && System.nanoTime() - since[0] > 2_000_000_000L;
                });
        long stuck = last[0];
        String worker = Installation.process(Chain.ENGINES.get(0), 0);
        long start = System.nanoTime();
        Cli.Result stop = Cli.run(chain.installation().mainFile(), "stop", worker);
        double stopSeconds = (System.nanoTime() - start) / 1e9;
        lab.log("stop " + worker + ": exit " + stop.exit() + " in " + stopSeconds + " s: " + stop.output().strip());
        Figures figures = stream.settle(Duration.ofSeconds(30)).described(
                String.format(Locale.ROOT, "stop returned in %.1f s (stopwaitsecs %d)", stopSeconds, STOPWAITSECS),
                stuck + " events held by the stuck worker, redelivered to worker 1 after the stop ("
                        + BLOCKING + " blocking events spread over the stream)");
        if (stop.exit() != 0) figures = figures.withFailure("stop exit " + stop.exit() + ": " + stop.output().strip());
        if (stopSeconds > STOPWAITSECS + 1) figures = figures.withFailure("stop took longer than stopwaitsecs + 1 s");
        int running = chain.daemon().running();
        if (running != chain.expectedWorkers() - 1) {
            figures = figures.withFailure(running + " workers RUNNING after the stop, expected "
                    + (chain.expectedWorkers() - 1));
        }
        return figures;
    }
}
