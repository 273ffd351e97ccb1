package dev.orchestrator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every state write goes through one method that checks the transition and the thread (process.py change_state). */
class StateChangeTest {

    /** The transitions of supervisord's process.py (reference table in docs/supervision.md), and no others. */
    @Test
    void onlySupervisordsTransitionsAreAllowed() {
        assertTrue(ProcessState.STOPPED.canBecome(ProcessState.STARTING));
        assertTrue(ProcessState.FATAL.canBecome(ProcessState.STARTING));
        assertTrue(ProcessState.STARTING.canBecome(ProcessState.BACKOFF));
        assertTrue(ProcessState.BACKOFF.canBecome(ProcessState.FATAL));
        assertTrue(ProcessState.BACKOFF.canBecome(ProcessState.STOPPED));
        assertTrue(ProcessState.RUNNING.canBecome(ProcessState.EXITED));
        assertTrue(ProcessState.STOPPING.canBecome(ProcessState.STOPPED));
        assertFalse(ProcessState.STOPPED.canBecome(ProcessState.RUNNING));
        assertFalse(ProcessState.RUNNING.canBecome(ProcessState.STOPPED));
        assertFalse(ProcessState.STOPPING.canBecome(ProcessState.RUNNING));
        assertFalse(ProcessState.EXITED.canBecome(ProcessState.FATAL));
        assertFalse(ProcessState.RUNNING.canBecome(ProcessState.BACKOFF));
    }

    /** A request made off the supervisor thread is refused before it changes anything. */
    @Test
    void aChangeOffTheSupervisorThreadIsRefused() throws Exception {
        // the host's supervisor thread is the one that made it: another thread than this test's
        DrivenHost host = CompletableFuture.supplyAsync(() -> new DrivenHost(p -> TestWorkers.untilStopped())).get();
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").build(), null, host);
        IllegalStateException e = assertThrows(IllegalStateException.class, p::start);
        assertTrue(e.getMessage().startsWith("Assertion failed for p: changed to STARTING on thread "),
                e.getMessage());
        assertEquals(ProcessState.STOPPED, p.state());
    }
}
