package dev.orchestrator.supervision;

import static dev.orchestrator.supervision.ProcessState.BACKOFF;
import static dev.orchestrator.supervision.ProcessState.EXITED;
import static dev.orchestrator.supervision.ProcessState.FATAL;
import static dev.orchestrator.supervision.ProcessState.RUNNING;
import static dev.orchestrator.supervision.ProcessState.STARTING;
import static dev.orchestrator.supervision.ProcessState.STOPPED;
import static dev.orchestrator.supervision.ProcessState.STOPPING;
import static dev.orchestrator.supervision.TestProcesses.process;
import static dev.orchestrator.supervision.TestProcesses.single;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.Autorestart;
import dev.orchestrator.config.LogSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Every transition of supervisord's {@code Subprocess} (supervisor/process.py, docs/supervision.md), with scripted
 * workers and the real main log, on the real clock: timings are checked here only from below (a deadline is never
 * early), since a loaded machine can make anything late; their exact values are DrivenClockTest's, on a clock the
 * test drives.
 */
class ProcessStateMachineTest extends HarnessTest {

    private static double seconds(long nanos) { return nanos / 1e9; }

    @Test
    void runningOnlyAfterStayingUpLongerThanStartsecs() throws Exception {
        h.workers.script("a", TestWorkers::untilStopped);
        h.start(single(process("a").startsecs(1).build()));
        h.awaitState("a", RUNNING);
        List<Harness.Step> s = h.steps("a");
        assertEquals(List.of(STOPPED, STARTING), List.of(s.get(0).from(), s.get(0).to()));
        double up = seconds(s.get(1).nanos() - s.get(0).nanos());
        assertTrue(up >= 1.0, "RUNNING after " + up + " s");
        h.awaitMainLog("INFO spawned: 'a' with pid 1");
        h.awaitMainLog("INFO success: a entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)");
        ProcessInfo info = h.info("a");
        assertTrue(info.description().matches("pid 1, uptime 0:00:0\\d"), info.description());
    }

    @Test
    void runningWaitsUntilTheWorkerIsReady() throws Exception {
        h.workers.script("slow", () -> TestWorkers.readyAfter(1_800, Long.MAX_VALUE, 0));
        h.start(single(process("slow").startsecs(1).build()));
        h.awaitState("slow", RUNNING);
        List<Harness.Step> s = h.steps("slow");
        double up = seconds(s.get(1).nanos() - s.get(0).nanos());
        assertTrue(up >= 1.8, "RUNNING after " + up + " s, when ready, not at startsecs");
    }

    @Test
    void anExitBeforeReadinessIsAFailedStartEvenAfterStartsecs() throws Exception {
        h.workers.script("never", () -> TestWorkers.readyAfter(-1, 1_300, 1));
        h.start(single(process("never").startsecs(1).startretries(0).build()));
        h.awaitState("never", FATAL);
        assertEquals(List.of(STARTING, BACKOFF, FATAL), h.steps("never").stream().map(Harness.Step::to).toList());
        assertEquals("Exited before it was ready (process log may have details)", h.info("never").description());
        h.awaitMainLog("WARN exited: never (exit status 1; not expected)");
    }

    @Test
    void startsecsZeroIsRunningAtOnce() throws Exception {
        h.workers.script("z", TestWorkers::untilStopped);
        h.start(single(process("z").startsecs(0).build()));
        h.awaitState("z", RUNNING);
        assertEquals(List.of(STARTING, RUNNING), h.steps("z").stream().map(Harness.Step::to).toList());
        h.awaitMainLog("success: z entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)");
    }

    @Test
    void quickExitsBackOffOneTwoThreeSecondsThenFatal() throws Exception {
        h.workers.script("a", () -> TestWorkers.exitAfter(50, 0));
        h.start(single(process("a").startsecs(1).startretries(3).build()));
        h.awaitState("a", FATAL);
        List<Harness.Step> backoffs = h.entered("a", BACKOFF);
        List<Harness.Step> starts = h.entered("a", STARTING);
        assertEquals(4, starts.size(), "1 + startretries spawns");
        assertEquals(4, backoffs.size());
        for (int k = 1; k <= 3; k++) {
            double wait = seconds(starts.get(k).nanos() - backoffs.get(k - 1).nanos());
            assertTrue(wait >= k, "retry " + k + " waited " + wait + " s");
        }
        ProcessInfo info = h.info("a");
        assertEquals("Exited too quickly (process log may have details)", info.description());
        String log = h.mainLog();
        assertTrue(log.contains("WARN exited: a (exit status 0; not expected)"), log);
        assertTrue(log.contains("INFO gave up: a entered FATAL state, too many start retries too quickly"), log);
        assertEquals(4, h.workers.spawns("a"));
    }

    @Test
    void spawnErrorBacksOffThenFatalWithItsMessage() throws Exception {
        h.workers.script("s", () -> TestWorkers.spawnError("unknown engine type 'nope'"));
        h.start(single(process("s").startretries(1).build()));
        h.awaitState("s", FATAL);
        assertEquals(List.of(STARTING, BACKOFF, STARTING, BACKOFF, FATAL),
                h.steps("s").stream().map(Harness.Step::to).toList());
        assertEquals("unknown engine type 'nope'", h.info("s").description());
        assertEquals("unknown engine type 'nope'", h.info("s").spawnerr());
        h.awaitMainLog("INFO spawnerr: unknown engine type 'nope'");
    }

    @Test
    void autorestartTrueRestartsAnyExitFromRunningAtOnce() throws Exception {
        h.workers.script("t", () -> TestWorkers.exitAfter(200, 0));
        h.start(single(process("t").startsecs(0).autorestart(Autorestart.TRUE).build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.entered("t", STARTING).size() >= 3);
        assertEquals(List.of(STARTING, RUNNING, EXITED, STARTING),
                h.steps("t").stream().map(Harness.Step::to).toList().subList(0, 4), "restarted, no backoff");
        h.awaitMainLog("INFO exited: t (exit status 0; expected)");
        int restarts = (Integer) h.info("t").counters().get("restarts");
        assertTrue(restarts >= 2, "restarts counted: " + restarts);
        assertEquals(0, h.info("t").counters().get("events"), "the worker's own counters are kept beside");
    }

    @Test
    void autorestartFalseStaysExited() throws Exception {
        h.workers.script("f", () -> TestWorkers.exitAfter(100, 3));
        h.start(single(process("f").startsecs(0).autorestart(Autorestart.FALSE).build()));
        h.awaitState("f", EXITED);
        h.awaitMainLog("WARN exited: f (exit status 3; not expected)");
        ProcessInfo info = h.info("f");
        assertEquals(3, info.exitstatus());
        assertEquals("Bad exit code 3", info.spawnerr());
        assertTrue(info.description().matches("[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2} [AP]M"), info.description());
        assertEquals(1, h.workers.spawns("f"));
    }

    @Test
    void autorestartUnexpectedFollowsExitcodes() throws Exception {
        h.workers.script("ok", () -> TestWorkers.exitAfter(100, 2));
        h.workers.script("bad", () -> TestWorkers.exitAfter(100, 3));
        h.start(TestProcesses.group("g", 999,
                process("ok").group("g").startsecs(0).exitcodes(0, 2).build(),
                process("bad").group("g").startsecs(0).exitcodes(0, 2).build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.workers.spawns("bad") >= 3);
        assertEquals(EXITED, h.supervisor.processInfo("g", "ok").state());
        assertEquals(1, h.workers.spawns("ok"));
        h.awaitMainLog("INFO exited: ok (exit status 2; expected)");
        h.awaitMainLog("WARN exited: bad (exit status 3; not expected)");
    }

    @Test
    void exitFromRunningAfterStartsecsIsNotTooQuick() throws Exception {
        h.workers.script("slow", () -> TestWorkers.exitAfter(1300, 0));
        h.start(single(process("slow").startsecs(1).autorestart(Autorestart.FALSE).build()));
        h.awaitState("slow", EXITED);
        assertEquals(List.of(STARTING, RUNNING, EXITED), h.steps("slow").stream().map(Harness.Step::to).toList());
    }

    @Test
    void anExceptionIsExitStatusOne() throws Exception {
        h.workers.script("x", () -> TestWorkers.throwing(50, "boom"));
        LogSpec log = new LogSpec(dir.resolve("x.log"), false, 0, 0);
        h.start(single(process("x").startsecs(0).autorestart(Autorestart.FALSE).stdout(log).stderr(log).build()));
        h.awaitState("x", EXITED);
        assertEquals(1, h.info("x").exitstatus());
        h.awaitMainLog("WARN exited: x (exit status 1; not expected)");
        String programLog = Files.readString(dir.resolve("x.log"));
        assertTrue(programLog.contains(" ERROR dev.orchestrator.supervision.SupervisedProcess [worker 0] x (pid 1)"
                + " failed: "
                + "java.lang.IllegalStateException: boom\njava.lang.IllegalStateException: boom\n\tat "), programLog);
    }

    @Test
    void anExitWhileStoppingIsStoppedWhateverTheCode() throws Exception {
        h.workers.script("a", () -> TestWorkers.untilStopped(5));
        h.start(single(process("a").startsecs(0).autorestart(Autorestart.TRUE).build()));
        h.awaitState("a", RUNNING);
        h.supervisor.stopProcess("a", "a", true);
        assertEquals(STOPPED, h.state("a"));
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED),
                h.steps("a").stream().map(Harness.Step::to).toList());
        assertEquals(5, h.info("a").exitstatus());
        h.awaitMainLog("WARN stopped: a (exit status 5)");
        assertEquals(1, h.workers.spawns("a"), "never autorestarted");
    }

    @Test
    void aStuckWorkerIsStoppedAndAbandonedPastStopwaitsecsEvenIfItsAbortBlocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            h.workers.script("stubborn", () -> TestWorkers.stuck(release, 10_000));
            h.start(single(process("stubborn").startsecs(0).stopwaitsecs(1).build()));
            h.awaitState("stubborn", RUNNING);
            long t0 = System.nanoTime();
            h.supervisor.stopProcess("stubborn", "stubborn", true);
            double took = seconds(System.nanoTime() - t0);
            assertTrue(took >= 1.0, "stop took " + took + " s");
            ProcessInfo info = h.info("stubborn");
            assertEquals(STOPPED, info.state());
            assertEquals(-1, info.exitstatus());
            String log = h.mainLog();
            assertTrue(log.contains("INFO waiting for stubborn to stop"), log);
            assertTrue(log.contains("WARN killing 'stubborn' (1) with SIGKILL"), log);
            assertTrue(log.contains("WARN stopped: stubborn (terminated by SIGKILL)"), log);
            assertTrue(log.contains("WARN abandoned the thread of stubborn (pid 1)"), log);
        } finally {
            release.countDown();
        }
        h.awaitMainLog("abandoned thread of stubborn (pid 1) ended (exit status 0)");
    }

    @Test
    void stopInBackoffIsStoppedAtOnceAndAStartGetsFreshRetries() throws Exception {
        h.workers.script("b", () -> TestWorkers.exitAfter(20, 1));
        h.start(single(process("b").startsecs(1).startretries(1).build()));
        h.awaitState("b", BACKOFF);
        h.supervisor.stopProcess("b", "b", true);
        assertEquals(STOPPED, h.state("b"));
        int before = h.entered("b", STARTING).size();
        assertThrowsFault(Fault.Code.SPAWN_ERROR, () -> h.supervisor.startProcess("b", "b", true));
        h.awaitState("b", FATAL);
        assertEquals(2, h.entered("b", STARTING).size() - before, "startretries=1 after a fresh start: 2 spawns");
    }

    @Test
    void pidsAreUniqueAndIncreasing() throws Exception {
        h.workers.script("p", () -> TestWorkers.exitAfter(100, 0));
        h.start(single(process("p").startsecs(0).autorestart(Autorestart.TRUE).build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> h.entered("p", RUNNING).size() >= 3);
        List<Long> pids = h.entered("p", RUNNING).stream().map(s -> s.info().pid()).toList();
        for (int i = 1; i < pids.size(); i++) assertTrue(pids.get(i) > pids.get(i - 1), pids.toString());
        h.awaitMainLog("spawned: 'p' with pid 2");
    }

    static Fault assertThrowsFault(Fault.Code code, FaultyCall call) {
        try {
            call.run();
        } catch (Fault f) {
            assertEquals(code, f.code(), f.getMessage());
            return f;
        } catch (Exception e) {
            throw new AssertionError("expected " + code + ", got " + e, e);
        }
        throw new AssertionError("expected fault " + code);
    }

    interface FaultyCall {
        void run() throws Exception;
    }
}
