package dev.orchestrator.daemon;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.runtime.CounterKeys;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Brings back, without an operator, the engine workers a broker outage left FATAL: a worker whose start failed
 * because the broker could not be reached or refused the login (a boot where the broker comes up after the daemon,
 * wrong credentials fixed later) exits, goes through supervisord's BACKOFF retries and stays FATAL while the broker
 * is down, as supervisord's would. Every {@link #CHECK_SECONDS} s, while such processes exist, one connection is
 * tried; once the broker accepts it the main log says {@code broker ... reachable again, restarting N processes}
 * and each is started again. A running worker needs none of this: it reconnects by itself.
 */
final class BrokerRecovery implements AutoCloseable {

    static final int CHECK_SECONDS = 2;
    private static final Logger LOG = LogManager.getLogger(LogSystem.MAIN_LOGGER);

    private final Supervisor supervisor;
    private final BrokerConnector connector;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-recovery");
        t.setDaemon(true);
        return t;
    });

    private BrokerRecovery(Supervisor supervisor, AmqpSettings amqp) {
        this.supervisor = supervisor;
        this.connector = new BrokerConnector(amqp);
    }

    static BrokerRecovery start(Supervisor supervisor, AmqpSettings amqp) {
        BrokerRecovery recovery = new BrokerRecovery(supervisor, amqp);
        recovery.timer.scheduleWithFixedDelay(recovery::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
        return recovery;
    }

    private void check() {
        try {
            List<ProcessInfo> stranded = supervisor.allProcessInfo().stream()
                    .filter(p -> p.state() == ProcessState.FATAL && p.counters() != null
                            && Boolean.TRUE.equals(p.counters().get(CounterKeys.BROKER_UNREACHABLE)))
                    .toList();
            if (stranded.isEmpty() || !answers()) return;
            LOG.info("broker {} reachable again, restarting {} processes", connector.describe(), stranded.size());
            for (ProcessInfo p : stranded) {
                try {
                    supervisor.startProcess(p.group(), p.name(), false);
                } catch (Fault e) {
                    LOG.warn("broker recovery: cannot start {}:{}: {}", p.group(), p.name(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("broker recovery: {}", e.toString());
        }
    }

    private boolean answers() {
        try {
            connector.connect("orchestrator broker check").abort(2_000);
            return true;
        } catch (BrokerException e) {
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        connector.close();
    }
}
