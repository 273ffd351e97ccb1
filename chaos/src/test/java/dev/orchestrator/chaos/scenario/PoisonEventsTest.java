package dev.orchestrator.chaos.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.TestLab;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 as a test of {@code make test}, on 2,000 events: the 1% poison ones, and only those, land in the error
 * queues with a reason; nothing is lost.
 */
class PoisonEventsTest {

    @Test
    void exactlyThePoisonEventsAreErrorQueued() throws Exception {
        try (Lab lab = TestLab.open()) {
            Figures figures = new PoisonEvents(2_000).run(lab);
            assertNull(figures.failure(), figures::toString);
            assertEquals(0, figures.lost(), figures::toString);
            assertEquals(20, figures.errorQueued(), figures::toString);
            assertEquals(1_980, figures.delivered(), figures::toString);
        }
    }
}
