package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;

/**
 * Scenario 3: {@code kill -9} of the daemon mid-stream, then a restart on the same installation (stale pidfile and
 * socket left behind): what it had not acked is redelivered, nothing is lost. Recovery: from the restart command
 * until every worker is RUNNING again.
 */
public final class DaemonKilled implements Scenario {

    static final int EVENTS = 30_000;

    @Override public int number() { return 3; }

    @Override public String title() { return "kill -9 of the daemon, restart"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s3-kill", 2);
        Stream stream = chain.normalEvents(EVENTS, 0);
        stream.awaitPublished(EVENTS / 3);
        long killedPid = chain.daemon().pid();
        chain.daemon().kill9();
        long inFlight = stream.missing();
        lab.log("daemon " + killedPid + " killed with " + inFlight + " published events not yet out of the chain");
        long restart = System.nanoTime();
        DaemonProcess again = DaemonProcess.start(lab, chain.installation(), chain.uri());
        String recovery = "restarted, all RUNNING in " + Stream.seconds(restart);
        Figures figures = stream.settle(Duration.ofSeconds(30)).described(recovery, "killed pid " + killedPid + " with "
                + inFlight + " events inside the chain; " + Math.round(stream.publishRate()) + " ev/s published");
        return Faults.daemonHealthy(new Chain(chain.uri(), chain.vhost(), chain.installation(), again, stream,
                chain.events()), figures);
    }
}
