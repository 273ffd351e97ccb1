package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Rabbit;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: the broker closes every connection of the daemon {@value #FAULTS} times during a stream of
 * {@value #EVENTS} events ({@code rabbitmqctl close_all_connections -p VHOST}, which closes the harness's feeder and
 * tally too: they reconnect, the feeder republishes its unconfirmed batch). Recovery: from the close until every
 * worker counts one more reconnection and is connected and RUNNING ({@code status --json}).
 */
public final class ConnectionsClosed implements Scenario {

    static final int EVENTS = 50_000;
    static final int FAULTS = 5;

    @Override public int number() { return 1; }

    @Override public String title() { return "broker closes the daemon's connections x" + FAULTS; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s1-connections", 2);
        Stream stream = chain.normalEvents(EVENTS, 0);
        List<Double> recoveries = new ArrayList<>();
        for (int k = 1; k <= FAULTS; k++) {
            stream.awaitPublished((long) EVENTS * k / (FAULTS + 1));
            Map<String, DaemonProcess.Mark> before = chain.daemon().reconnects();
            Rabbit.closeAllConnections(chain.vhost());
            long fault = System.nanoTime();
            chain.daemon().awaitReconnected(before, Duration.ofSeconds(60));
            recoveries.add((System.nanoTime() - fault) / 1e9);
        }
        Figures figures = stream.settle(Duration.ofSeconds(30)).described(
                Faults.summary(recoveries, "every worker reconnected"),
                "close_all_connections -p VHOST x" + FAULTS + " (the harness's too); " + chain.expectedWorkers()
                        + " workers; " + Math.round(stream.publishRate()) + " ev/s published");
        return Faults.daemonHealthy(chain, figures);
    }
}
