package dev.orchestrator.chaos.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.chaos.Cli;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/**
 * Scenario 6: a program whose engine fails at every start ({@code startretries=3}) goes BACKOFF, BACKOFF, BACKOFF,
 * FATAL on supervisord's schedule (waits of 1, 2 and 3 s before the retries), read from the daemon's main log
 * (spawned, exited, gave up) and {@code status --json}, while a stream runs through the other engines at the throughput they had before.
 */
public final class FailingStart implements Scenario {

    static final String PROGRAM = "engine-failing";
    static final int EVENTS = 15_000;
    static final int RETRIES = 3;

    @Override public int number() { return 6; }

    @Override public String title() { return "engine failing at every start: BACKOFF x3, FATAL"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s6-failing", 2, i -> i.failingProgram(PROGRAM, RETRIES));
        Stream stream = chain.stream();
        long t0 = System.nanoTime();
        stream.start(0, EVENTS, id -> chain.events().make(id, Events.Kind.NORMAL), 0);
        awaitAccounted(stream, EVENTS);
        double before = EVENTS / ((System.nanoTime() - t0) / 1e9);

        String namespec = Installation.GROUP + ":" + PROGRAM;
        CompletableFuture<Cli.Result> start = CompletableFuture.supplyAsync(
                () -> Cli.run(chain.installation().mainFile(), "start", namespec));
        long t1 = System.nanoTime();
        stream.start(EVENTS, EVENTS, id -> chain.events().make(id, Events.Kind.NORMAL), 0);
        Awaitility.await(PROGRAM + " FATAL").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "FATAL".equals(stateOf(chain, namespec)));
        awaitAccounted(stream, 2L * EVENTS);
        double during = EVENTS / ((System.nanoTime() - t1) / 1e9);
        Cli.Result started = start.join();

        MainLogTimeline timeline = MainLogTimeline.read(chain.installation().mainLog(), PROGRAM);
        List<Double> waits = timeline.waitsBeforeRetries();
        Figures figures = stream.settle(Duration.ofSeconds(30)).described(
                "waits before the retries " + waits.stream().map(w -> String.format(Locale.ROOT, "%.1f", w)).toList()
                        + " s, FATAL " + String.format(Locale.ROOT, "%.1f", timeline.fatalAfterLastExit())
                        + " s after the last exit",
                timeline.spawns() + " spawns, each exited within startsecs (BACKOFF), then FATAL; start said: "
                        + started.output().strip()
                        + String.format(Locale.ROOT, "; other engines %.0f ev/s before, %.0f ev/s during", before, during));
        if (timeline.spawns() != RETRIES + 1) {
            figures = figures.withFailure(timeline.spawns() + " spawns, expected " + (RETRIES + 1));
        }
        for (int k = 0; k < waits.size(); k++) {
            double w = waits.get(k);
            if (w < k + 1 - 0.3 || w > k + 1 + 1.2) figures = figures.withFailure("wait " + (k + 1) + " was " + w + " s");
        }
        if (!timeline.gaveUp()) figures = figures.withFailure("no 'gave up' line in the main log");
        if (during < before / 2) figures = figures.withFailure("the other engines slowed down to " + during + " ev/s");
        return Faults.daemonHealthy(chain, figures);
    }

    private static void awaitAccounted(Stream stream, long n) {
        stream.awaitPublished(n);
        Awaitility.await(n + " events through the chain").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> stream.tally().distinctDelivered() >= n);
    }

    private static String stateOf(Chain chain, String namespec) {
        JsonNode status = chain.daemon().status();
        if (status == null) return null;
        for (JsonNode p : status.path("processes")) {
            if (p.path("name").asText().equals(namespec)) return p.path("state").asText();
        }
        return null;
    }
}
