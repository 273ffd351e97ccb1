package dev.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-hand journal: what a worker died with is a suspect at the next start, counted over deaths. */
class InHandJournalTest {

    @TempDir
    Path dir;

    private static final long EVENT = InHandJournal.fingerprint("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
    private static final long OTHER = InHandJournal.fingerprint("{\"id\":2}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anEventInHandAtEachDeathIsCountedAndAReleasedOneIsNot() {
        InHandJournal first = InHandJournal.open(dir);
        InHandJournal.Slot w0 = first.slot("e.0");
        InHandJournal.Slot w1 = first.slot("e.1");
        w1.hold(OTHER, 0);
        w1.release();
        w0.hold(EVENT, first.deaths(EVENT)); // the daemon dies here
        InHandJournal second = InHandJournal.open(dir);
        assertEquals(1, second.deaths(EVENT));
        assertEquals(0, second.deaths(OTHER), "processed to the end: not a suspect");
        second.slot("e.0").hold(EVENT, second.deaths(EVENT)); // redelivered, in hand at the next death too
        InHandJournal third = InHandJournal.open(dir);
        assertEquals(2, third.deaths(EVENT));
        third.settled(EVENT);
        assertEquals(0, third.deaths(EVENT));
    }

    @Test
    void aWorkerRestartedInTheSameDaemonNotesItsPreviousDeath() {
        InHandJournal journal = InHandJournal.open(dir);
        journal.slot("e.0").hold(EVENT, 0); // the worker's thread is abandoned with it
        journal.slot("e.0");
        assertEquals(1, journal.deaths(EVENT));
    }

    /** A thread abandoned past stopwaitsecs may never end: its event counts as a death at once, and only once. */
    @Test
    void anAbandonedWorkerCountsItsEventAsADeathAtOnce() {
        InHandJournal journal = InHandJournal.open(dir);
        InHandJournal.Slot slot = journal.slot("e.0");
        slot.abandoned();
        assertEquals(0, journal.deaths(EVENT), "nothing in hand: no death");
        slot.hold(EVENT, 1);
        slot.abandoned();
        assertEquals(2, journal.deaths(EVENT));
        journal.slot("e.0"); // its thread ended with it in hand, the next run of the worker reads the slot
        assertEquals(2, journal.deaths(EVENT), "the same death, not a second one");
    }

    @Test
    void fingerprintsTellBodiesApartByEveryByte() {
        byte[] a = "{\"component\":\"db-01\",\"state\":2}".getBytes(StandardCharsets.UTF_8);
        byte[] b = a.clone();
        b[b.length - 2] = '3';
        assertNotEquals(InHandJournal.fingerprint(a), InHandJournal.fingerprint(b));
        assertNotEquals(InHandJournal.fingerprint(new byte[8]), InHandJournal.fingerprint(new byte[9]));
        assertEquals(InHandJournal.fingerprint(a), InHandJournal.fingerprint(a.clone()));
    }

    @Test
    void noJournalRecordsNothing() {
        InHandJournal.NONE.slot("e.0").hold(EVENT, 0);
        assertEquals(0, InHandJournal.NONE.deaths(EVENT));
    }
}
