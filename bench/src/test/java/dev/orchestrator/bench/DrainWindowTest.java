package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrainWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theWindowRunsFromTheFirstArrivalToTheLastLeavingStartUpOut() {
        DrainWindow w = new DrainWindow(1000);
        assertFalse(w.sample(0, 0, 5.0, 70, 300));       // the consumer starting: 5 s of CPU, not counted
        assertFalse(w.sample(SECOND, 100, 5.5, 71, 120));
        assertTrue(Double.isNaN(w.eventsPerSecond()), "no figure before the window closes");
        assertFalse(w.sample(2 * SECOND, 600, 5.9, 72, 150));
        assertTrue(w.sample(3 * SECOND, 1000, 6.4, 72.8, 140));
        assertTrue(w.sample(4 * SECOND, 1000, 9.0, 80, 900), "a later sample changes nothing");
        assertEquals(450, w.eventsPerSecond(), 1e-9);         // 900 events in 2 s
        assertEquals(1000, w.cpuMicrosPerEvent(), 1e-9);      // 0.9 s of CPU for 900 events
        assertEquals(2000, w.brokerCpuMicrosPerEvent(), 1e-6); // the broker's 1.8 s
        assertEquals(300, w.peakRssMb());
    }

    @Test
    void aWindowWithoutEventsHasNoFigures() {
        DrainWindow w = new DrainWindow(10);
        assertTrue(w.sample(SECOND, 10, 1, Double.NaN, 1));
        assertTrue(Double.isNaN(w.eventsPerSecond()));
        assertTrue(Double.isNaN(w.cpuMicrosPerEvent()));
    }
}
