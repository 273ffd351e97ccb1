package dev.orchestrator.runtime;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker's session on the real RabbitMQ: the publisher confirms it hands to the worker's inbox. */
class SessionTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    /**
     * A multiple nack settles every output up to its sequence number, as a multiple ack does: the multiple ack that
     * follows it weighs only the outputs after it, so it does not wake the worker before a batch is confirmed.
     */
    @Test
    void aMultipleNackSettlesTheOutputsBeforeIt() throws Exception {
        Inbox inbox = new Inbox(5);
        Topology topology = new Topology(engine("session").build(), List.of(), AmqpSettings.EMBEDDED);
        try (BrokerConnector connector = new BrokerConnector(BROKERS.uri(BrokerKind.RABBITMQ))) {
            Session session = Session.open(connector, "session", topology, 10, inbox);
            try {
                session.handleNack(10, true);
                assertFalse(((Signal.Confirm) inbox.poll(0)).ack());
                CompletableFuture<Signal> taken = InboxTest.waitingWorker(inbox, TimeUnit.MINUTES.toNanos(1));
                session.handleAck(11, true);
                await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !taken.isDone());
                session.handleAck(15, true);
                assertEquals(11, ((Signal.Confirm) taken.get(5, TimeUnit.SECONDS)).seq(), "woken by the fifth output");
            } finally {
                session.close();
            }
        }
    }
}
