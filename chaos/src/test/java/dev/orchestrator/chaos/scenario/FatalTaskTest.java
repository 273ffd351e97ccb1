package dev.orchestrator.chaos.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.TestLab;
import org.junit.jupiter.api.Test;

/**
 * Scenario 15 as a test of {@code make test}, on 400 events: System.exit from a task and an OutOfMemoryError each
 * end the daemon with a line naming them, pidfile and socket removed; restarted each time, both events are
 * error-queued after max_retries deaths and the stack overflow fails only its event; nothing is lost.
 */
class FatalTaskTest {

    @Test
    void fatalTasksEndTheDaemonCleanlyAndTheirEventIsQuarantined() throws Exception {
        try (Lab lab = TestLab.open()) {
            Figures figures = new FatalTask(400).run(lab);
            assertNull(figures.failure(), figures::toString);
            assertEquals(0, figures.lost(), figures::toString);
            assertEquals(3, figures.errorQueued(), figures::toString);
            assertEquals(397, figures.delivered(), figures::toString);
            assertTrue(figures.notes().matches("2 x 3: the JVM is exiting without a shutdown request: System.exit called by"
                    + " thread engine-chaos_a-0 at dev\\.orchestrator\\.chaos\\.tasks\\.ChaosTasks\\.check.*"),
                    figures::toString);
            assertTrue(figures.notes().contains(" / 2 x 3: engine chaos_a worker 0: java.lang.OutOfMemoryError: Java heap space"
                    + " with the event '"), figures::toString);
        }
    }
}
