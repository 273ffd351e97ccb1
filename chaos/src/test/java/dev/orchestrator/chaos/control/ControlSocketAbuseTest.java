package dev.orchestrator.chaos.control;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.TestLab;
import org.junit.jupiter.api.Test;

/** Scenario 8 as a test of {@code make test}: a real daemon (bin/orchestrator) on a RabbitMQ vhost, its socket abused. */
class ControlSocketAbuseTest {

    @Test
    void badClientsGetErrorsOrRefusalsAndTheDaemonStillAnswers() throws Exception {
        try (Lab lab = TestLab.open()) {
            Figures figures = new ControlSocketAbuse().run(lab);
            assertNull(figures.failure(), figures::toString);
        }
    }
}
