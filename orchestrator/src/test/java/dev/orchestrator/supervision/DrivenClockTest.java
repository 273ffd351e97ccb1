package dev.orchestrator.supervision;

import static dev.orchestrator.supervision.ProcessState.BACKOFF;
import static dev.orchestrator.supervision.ProcessState.EXITED;
import static dev.orchestrator.supervision.ProcessState.FATAL;
import static dev.orchestrator.supervision.ProcessState.RUNNING;
import static dev.orchestrator.supervision.ProcessState.STARTING;
import static dev.orchestrator.supervision.ProcessState.STOPPED;
import static dev.orchestrator.supervision.ProcessState.STOPPING;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The timings of the state machine on a clock the test drives (supervisord's test_process.py test_transition_*,
 * test_change_state_sets_backoff_and_delay, test_finish_starting_state_exited_too_quickly): exact to the nanosecond.
 */
class DrivenClockTest {

    private static List<ProcessState> states(DrivenHost host) {
        return host.changes.stream().map(DrivenHost.Change::to).toList();
    }

    /** process.py: BACKOFF waits 1, 2, 3 s (backoff += 1; delay = now + backoff), FATAL past startretries. */
    @Test
    void backoffWaitsOneTwoThreeSecondsThenGivesUp() throws Exception {
        DrivenHost host = new DrivenHost(p -> TestWorkers.exitAfter(0, 1));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startretries(3).build(), null, host);
        p.start();
        host.runPostedUntil(() -> p.state() == BACKOFF);
        long expected = 0;
        for (int retry = 1; retry <= 3; retry++) {
            assertEquals(BACKOFF, p.state());
            host.advance(retry * 1000L - 1, MILLISECONDS);
            host.advance(999_999, NANOSECONDS);
            assertEquals(BACKOFF, p.state(), "still waiting 1 ns before retry " + retry);
            host.advance(1, NANOSECONDS);
            host.runPostedUntil(() -> p.state() != STARTING);
            expected += SECONDS.toNanos(retry);
            List<DrivenHost.Change> starts = host.changes.stream().filter(c -> c.to() == STARTING).toList();
            assertEquals(expected, starts.get(retry).nanos(), "retry " + retry + " after exactly " + retry + " s");
        }
        assertEquals(FATAL, p.state());
        assertEquals(List.of(STARTING, BACKOFF, STARTING, BACKOFF, STARTING, BACKOFF, STARTING, BACKOFF, FATAL),
                states(host));
        assertEquals(6_000_000_000L, host.changes.get(8).nanos(), "FATAL at the last failure, 1+2+3 s after the first");
    }

    /** test_transition_starting_to_running: RUNNING once up strictly longer than startsecs, not at startsecs. */
    @Test
    void runningStrictlyAfterStartsecs() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        DrivenHost host = new DrivenHost(p -> TestWorkers.held(held, 0));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(1).build(), null, host);
        p.start();
        host.advance(1, SECONDS);
        assertEquals(STARTING, p.state());
        host.advance(1, NANOSECONDS);
        assertEquals(RUNNING, p.state());
        held.countDown();
        host.runPostedUntil(() -> p.state() == EXITED);
        assertEquals(EXITED, p.state());
    }

    /** finish(): an exit before startsecs is too quick (BACKOFF, whatever its code); at startsecs it is not. */
    @Test
    void tooQuicklyIsDecidedByTheExitTimeNotByWhenItIsSeen() throws Exception {
        CountDownLatch quick = new CountDownLatch(1);
        DrivenHost host = new DrivenHost(p -> TestWorkers.held(quick, 0));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(1).build(), null, host);
        p.start();
        host.advance(999_999_999, NANOSECONDS);
        quick.countDown();
        host.runPostedUntil(() -> p.state() != STARTING);
        assertEquals(BACKOFF, p.state(), "exit 0 after 0.999999999 s is still too quick");

        CountDownLatch slow = new CountDownLatch(1);
        DrivenHost host2 = new DrivenHost(q -> TestWorkers.held(slow, 0));
        SupervisedProcess p2 = new SupervisedProcess(TestProcesses.process("p").startsecs(1).build(), null, host2);
        p2.start();
        host2.advance(1, SECONDS);
        slow.countDown();
        host2.runPostedUntil(() -> p2.state() == EXITED);
        assertEquals(List.of(STARTING, RUNNING, EXITED), states(host2), "up for startsecs: an exit, not a failure");
    }

    /** A thread past stopwaitsecs: STOPPED with SIGKILL's status exactly at the deadline, the thread abandoned. */
    @Test
    void aStuckThreadIsStoppedExactlyAtStopwaitsecs() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        DrivenHost host = new DrivenHost(p -> TestWorkers.held(stuck, 0));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(0).stopwaitsecs(3).build(),
                null, host);
        p.start();
        host.runPostedUntil(() -> p.state() == RUNNING);
        p.stop();
        host.advance(3, SECONDS);
        assertEquals(STOPPED, p.state());
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED), states(host));
        assertEquals(3_000_000_000L, host.changes.get(3).nanos());
        assertEquals(-1, p.info().exitstatus());
        stuck.countDown();
    }

    /**
     * test_transition_stopping_to_killed: a child deaf to its stop signal gets SIGKILL exactly at stopwaitsecs, again
     * every stopwaitsecs, and stays STOPPING until it dies (ChildProcessTest: the same with a real child).
     */
    @Test
    void aChildPastStopwaitsecsIsKilledExactlyThenAndAgainUntilItDies() throws Exception {
        CountDownLatch dies = new CountDownLatch(1);
        AtomicInteger kills = new AtomicInteger();
        DrivenHost host = new DrivenHost(p -> TestWorkers.killable(dies, kills));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(0).stopwaitsecs(3).build(),
                null, host);
        p.start();
        host.runPostedUntil(() -> p.state() == RUNNING);
        p.stop();
        host.advance(3_000_000_000L - 1, NANOSECONDS);
        assertEquals(0, kills.get(), "no SIGKILL before stopwaitsecs");
        host.advance(1, NANOSECONDS);
        assertEquals(1, kills.get(), "SIGKILL at exactly stopwaitsecs");
        assertEquals(STOPPING, p.state(), "a child stays STOPPING until it dies");
        host.advance(3, SECONDS);
        assertEquals(2, kills.get(), "killed again a stopwaitsecs later");
        host.advance(1, SECONDS);
        dies.countDown();
        host.runPostedUntil(() -> p.state() == STOPPED);
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED), states(host));
        assertEquals(7_000_000_000L, host.changes.get(3).nanos(), "STOPPED when it died");
        assertEquals(SupervisedProcess.KILLED, p.info().exitstatus(), "as supervisord's for a signal death");
    }

    /** Readiness after startsecs: RUNNING exactly when the worker says it is ready (1.8 s), not at startsecs. */
    @Test
    void runningWhenReadyIfThatIsAfterStartsecs() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        DrivenHost host = new DrivenHost(p -> TestWorkers.readyWhen(ready, new CountDownLatch(1), 0));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(1).build(), null, host);
        p.start();
        host.advance(1800, MILLISECONDS);
        assertEquals(STARTING, p.state(), "startsecs are over, but the worker is not ready");
        ready.countDown();
        host.runPostedUntil(() -> p.state() == RUNNING);
        assertEquals(List.of(STARTING, RUNNING), states(host));
        assertEquals(1_800_000_000L, host.changes.get(1).nanos());
    }

    /** startsecs=0: RUNNING at the spawn's own time once ready; an exit from RUNNING respawns at the exit's time. */
    @Test
    void startsecsZeroRunsAtOnceAndAutorestartRespawnsAtTheExit() throws Exception {
        CountDownLatch exit = new CountDownLatch(1);
        DrivenHost host = new DrivenHost(p -> TestWorkers.readyWhen(new CountDownLatch(0), exit, 0));
        SupervisedProcess p = new SupervisedProcess(TestProcesses.process("p").startsecs(0)
                .autorestart(dev.orchestrator.config.Autorestart.TRUE).build(), null, host);
        p.start();
        host.runPostedUntil(() -> p.state() == RUNNING);
        assertEquals(0L, host.changes.get(1).nanos(), "RUNNING in the spawn's instant");
        host.advance(5, SECONDS);
        exit.countDown();
        host.runPostedUntil(() -> host.changes.size() >= 4);
        assertEquals(List.of(STARTING, RUNNING, EXITED, STARTING), states(host).subList(0, 4));
        assertEquals(5_000_000_000L, host.changes.get(2).nanos());
        assertEquals(5_000_000_000L, host.changes.get(3).nanos(), "respawned at once");
    }
}
