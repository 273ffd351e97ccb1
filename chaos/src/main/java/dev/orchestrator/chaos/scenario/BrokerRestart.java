package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Rabbit;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: RabbitMQ is stopped and started ({@code rabbitmqctl stop_app}, a few seconds, {@code start_app},
 * always, in a finally block) during a stream. This stops the broker for everyone on the machine: {@code make chaos}
 * only. Recovery: from the broker answering again until every worker has reconnected.
 */
public final class BrokerRestart implements Scenario {

    static final int EVENTS = 30_000;
    static final int OUTAGE_SECONDS = 3;

    @Override public int number() { return 2; }

    @Override public String title() { return "RabbitMQ stop_app / start_app"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s2-broker", 2);
        Stream stream = chain.normalEvents(EVENTS, 0);
        stream.awaitPublished(EVENTS / 3);
        Map<String, DaemonProcess.Mark> before = chain.daemon().reconnects();
        long down = System.nanoTime();
        long up;
        try {
            Rabbit.stopApp();
            lab.log("RabbitMQ stopped (stop_app)");
            TimeUnit.SECONDS.sleep(OUTAGE_SECONDS);
        } finally {
            Rabbit.startApp();
            up = System.nanoTime();
            lab.log("RabbitMQ started again (start_app), down " + Stream.seconds(down, up));
        }
        chain.daemon().awaitReconnected(before, Duration.ofSeconds(120));
        String recovery = "broker down " + Stream.seconds(down, up) + "; every worker reconnected "
                + Stream.seconds(up) + " after start_app";
        Figures figures = stream.settle(Duration.ofSeconds(30)).described(recovery,
                Math.round(stream.publishRate()) + " ev/s published");
        return Faults.daemonHealthy(chain, figures);
    }
}
