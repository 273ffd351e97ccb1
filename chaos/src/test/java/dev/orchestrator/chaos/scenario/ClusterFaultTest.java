package dev.orchestrator.chaos.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.TestLab;
import org.junit.jupiter.api.Test;

/**
 * Scenario 11 as a test of {@code make test}, on 3,000 events: a 3-node RabbitMQ cluster (started by the test,
 * beside the RabbitMQ on 5672), a chain of three engines on quorum queues, the node holding most queue leaders
 * stopped mid-stream: every event comes out of the chain, none error-queued.
 */
class ClusterFaultTest {

    @Test
    void theLeaderNodeStoppedLosesNothing() throws Exception {
        try (Lab lab = TestLab.open()) {
            Figures figures = new ClusterFault(ClusterFault.Kind.LEADER_STOPPED, 3_000).run(lab);
            assertNull(figures.failure(), figures::toString);
            assertEquals(0, figures.lost(), figures::toString);
            assertEquals(0, figures.errorQueued(), figures::toString);
            assertEquals(3_000, figures.delivered(), figures::toString);
        }
    }
}
