package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Beat times on a clock the test drives, exact to the nanosecond: Canopsis' {@code Engine.run} loop
 * (engines/core.py: {@code beat_last} set to the time taken before the beat ran, beats off when
 * {@code beat_interval} is falsy).
 */
class BeatScheduleTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_WAIT = S;

    @Test
    void theFirstBeatIsAnIntervalAfterTheStartAndEachNextAnIntervalAfterThePrevious() {
        long start = 7 * S;
        BeatSchedule beats = new BeatSchedule(5, start);
        assertEquals(MAX_WAIT, beats.waitNanos(start, MAX_WAIT));
        assertFalse(beats.due(start + 5 * S - 1));
        assertEquals(1, beats.waitNanos(start + 5 * S - 1, MAX_WAIT), "the worker wakes when the beat is due");
        assertTrue(beats.due(start + 5 * S));
        assertFalse(beats.due(start + 5 * S), "once per interval");
        assertFalse(beats.due(start + 10 * S - 1));
        assertTrue(beats.due(start + 10 * S));
    }

    @Test
    void aLateBeatMovesTheNextOneAndALongOneIsFollowedAtOnce() {
        BeatSchedule beats = new BeatSchedule(1, 0);
        assertTrue(beats.due(3 * S + 500), "a worker busy with an event beats when it is free");
        assertFalse(beats.due(4 * S + 499));
        assertTrue(beats.due(4 * S + 500), "an interval after the late beat, not on the start's grid");
        // a beat that ran 2.5 s: the next is due already when it ends
        assertEquals(0, beats.waitNanos(4 * S + 500 + 5 * S / 2, MAX_WAIT));
        assertTrue(beats.due(4 * S + 500 + 5 * S / 2));
    }

    @Test
    void anIntervalOfZeroNeverBeats() {
        BeatSchedule beats = new BeatSchedule(0, 0);
        for (long t = 0; t < 100 * S; t += S / 3) assertFalse(beats.due(t));
        assertEquals(MAX_WAIT, beats.waitNanos(100 * S, MAX_WAIT));
    }

    @Test
    void aClockPastLongOverflowStillOrdersBeats() {
        long start = Long.MAX_VALUE - S / 2;
        BeatSchedule beats = new BeatSchedule(1, start);
        assertFalse(beats.due(start + S / 2 + 1), "nanoTime wraps: compared by difference");
        assertTrue(beats.due(start + S));
    }
}
