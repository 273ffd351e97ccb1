package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;

/**
 * Scenario 10: two daemons (two hosts) with the same configuration on one vhost share every engine's queue as
 * competing consumers; {@code kill -9} of one mid-stream: the other carries on alone, the killed one's unacked events
 * are redelivered to it, nothing is lost.
 */
public final class TwoDaemons implements Scenario {

    static final int EVENTS = 30_000;

    @Override public int number() { return 10; }

    @Override public String title() { return "scale-out: two daemons, kill -9 of one"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain first = Chain.start(lab, "s10-host-a", 2);
        Installation otherHost = new Installation(lab.scratch("s10-host-b"), Chain.ENGINES, 2).write();
        DaemonProcess second = DaemonProcess.start(lab, otherHost, first.uri());
        Stream stream = first.normalEvents(EVENTS, 0);
        stream.awaitPublished(EVENTS / 3);
        long accountedAtKill = stream.tally().distinctDelivered();
        first.daemon().kill9();
        long kill = System.nanoTime();
        long inFlight = stream.missing();
        lab.log("host a killed with " + inFlight + " published events not yet out of the chain");
        Figures figures = stream.settle(Duration.ofSeconds(30));
        figures = figures.described("host b alone: all accounted " + Stream.seconds(kill) + " after the kill",
                "host a killed with " + inFlight + " events inside the chain; "
                + (stream.tally().distinctDelivered() - accountedAtKill) + " delivered after the kill, by host b");
        return Faults.daemonHealthy(new Chain(first.uri(), first.vhost(), otherHost, second, stream, first.events()),
                figures);
    }
}
