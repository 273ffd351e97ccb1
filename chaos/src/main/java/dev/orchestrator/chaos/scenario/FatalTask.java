package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Scenario 15: tasks that end the JVM, among normal events: one event runs the JVM out of memory and one calls
 * {@code System.exit(3)}; a third overflows the stack. Each death must leave a line in the main log naming what
 * happened, no pidfile and no socket, and be followed (as systemd would) by a new start; each of the two events, in
 * hand at every death it causes, is error-queued once it was in hand at more than {@code max_retries} (1) deaths,
 * and the stack overflow only fails its event. Nothing is lost.
 */
public final class FatalTask implements Scenario {

    static final int MAX_RETRIES = 1;
    private final int events;

    public FatalTask(int events) {
        this.events = events;
    }

    @Override public int number() { return 15; }

    @Override public String title() { return "tasks ending the JVM (out of memory, System.exit), restarted"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s15-fatal", 1, i -> i.maxRetries(MAX_RETRIES).prefetch(20));
        long oom = events / 2;
        long exit = events / 4;
        long recurse = 3L * events / 4;
        Stream stream = chain.stream().start(0, events, id -> chain.events().make(id,
                id == oom ? Events.Kind.RUNS_OUT_OF_MEMORY : id == exit ? Events.Kind.EXITS
                        : id == recurse ? Events.Kind.RECURSES : Events.Kind.NORMAL), 0);
        DaemonProcess daemon = chain.daemon();
        int deaths = 0;
        Map<String, Integer> why = new LinkedHashMap<>();
        Figures failures = Figures.checks("", null);
        while (deaths < 2 * (MAX_RETRIES + 1) + 1) {
            int status = awaitDeathOrQuiet(daemon, stream);
            if (status < 0) break;
            deaths++;
            String log = Files.readString(chain.installation().mainLog());
            String line = log.lines().filter(l -> l.contains(" CRIT ")).reduce((a, b) -> b).orElse("(no CRIT line)");
            why.merge(status + ": " + line.replaceFirst("^.* CRIT ", "")
                    .replaceFirst("; unacknowledged events go back to their queues$", ""), 1, Integer::sum);
            if (status != 3) failures = failures.withFailure("exit status " + status + " instead of 3");
            if (Files.exists(chain.installation().socket())) failures = failures.withFailure("socket left behind");
            if (Files.exists(chain.installation().root().resolve("run/orchestrator.pid"))) {
                failures = failures.withFailure("pidfile left behind");
            }
            lab.log("daemon died (" + status + "), started again: " + line);
            daemon = DaemonProcess.launch(lab, chain.installation(), chain.uri());
        }
        Figures figures = stream.settleWithPoison(Duration.ofSeconds(20)).described(deaths + " deaths, each restarted",
                why.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(" / ")));
        if (deaths != 2 * (MAX_RETRIES + 1)) {
            figures = figures.withFailure(deaths + " deaths instead of " + 2 * (MAX_RETRIES + 1) + " (max_retries + 1"
                    + " for each of the System.exit and out-of-memory events before their quarantine)");
        }
        if (!stream.tally().errors().keySet().equals(Set.of(oom, exit, recurse))) {
            figures = figures.withFailure("error-queued " + stream.tally().errors().keySet() + " instead of exactly the"
                    + " three fatal events " + Set.of(oom, exit, recurse));
        }
        if (failures.failure() != null) figures = figures.withFailure(failures.failure());
        return figures;
    }

    /** The daemon's exit status, or -1 once everything published is accounted for with the daemon alive. */
    private static int awaitDeathOrQuiet(DaemonProcess daemon, Stream stream) throws InterruptedException {
        Awaitility.await("the daemon dead, or every event accounted for").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !daemon.alive() || stream.publishingDone() && stream.missing() == 0);
        return daemon.alive() ? -1 : daemon.awaitExit(Duration.ofSeconds(10));
    }
}
