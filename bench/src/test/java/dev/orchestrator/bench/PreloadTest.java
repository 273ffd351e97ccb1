package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PreloadTest {

    @Test
    void aPreloadIsCompleteWhenEveryEventWasConfirmedAndIsInTheQueue() {
        assertNull(new Preload.Filled(200, 200, 0, 0, 200).problem(200));
        assertEquals("preloading 200 events: 200 published, 199 confirmed, 1 nacked, 0 returned",
                new Preload.Filled(200, 199, 1, 0, 199).problem(200));
        assertEquals("preloading 200 events: 200 published, 200 confirmed, 0 nacked, 3 returned",
                new Preload.Filled(200, 200, 0, 3, 197).problem(200));
        assertEquals("preloaded 200 events but the queue holds 230", new Preload.Filled(200, 200, 0, 0, 230).problem(200));
    }
}
