package dev.orchestrator.supervision;

import static dev.orchestrator.supervision.ProcessState.BACKOFF;
import static dev.orchestrator.supervision.ProcessState.FATAL;
import static dev.orchestrator.supervision.ProcessState.RUNNING;
import static dev.orchestrator.supervision.ProcessState.STARTING;
import static dev.orchestrator.supervision.ProcessState.STOPPED;
import static dev.orchestrator.supervision.ProcessState.STOPPING;
import static dev.orchestrator.supervision.ProcessStateMachineTest.assertThrowsFault;
import static dev.orchestrator.supervision.TestProcesses.group;
import static dev.orchestrator.supervision.TestProcesses.process;
import static dev.orchestrator.supervision.TestProcesses.single;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.Autorestart;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.ProgramConfig;
import dev.orchestrator.config.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The control surface (supervisord's rpcinterface semantics), start and shutdown ordering, reread. */
class SupervisorCoreTest extends HarnessTest {

    private List<String> order(ProcessState state) {
        return h.steps.stream().filter(s -> s.to() == state).map(Harness.Step::name).toList();
    }

    private int index(List<Harness.Step> steps, String name, ProcessState state) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name) && steps.get(i).to() == state) return i;
        }
        throw new AssertionError(name + " never entered " + state + ": " + steps);
    }

    @Test
    void startsByGroupPriorityAndNameThenProgramsOrderAndStopsInReverseOneGroupAtATime() throws Exception {
        for (String p : List.of("l1", "l2", "e1", "e2", "m")) h.workers.script(p, () -> TestWorkers.slowToStop(300));
        h.workers.script("failing", () -> TestWorkers.exitAfter(10, 1));
        h.start(group("late", 200, process("l1").group("late").build(), process("l2").group("late").build(),
                        process("failing").group("late").startretries(50).build()),
                group("mid", 100, process("m").group("mid").build()),
                group("early", 100, process("e2").group("early").build(), process("e1").group("early").build()));
        assertEquals(List.of("e2", "e1", "m", "l1", "l2", "failing"), order(STARTING).subList(0, 6));
        h.awaitState("late", "l2", RUNNING);
        h.awaitState("early", "e1", RUNNING);
        h.awaitState("late", "failing", BACKOFF);

        h.supervisor.shutdown();
        h.supervisor.terminated().get(20, TimeUnit.SECONDS);

        List<Harness.Step> steps = List.copyOf(h.steps);
        assertEquals(List.of("l2", "l1", "m", "e2", "e1"), order(STOPPING));
        assertEquals(FATAL, h.supervisor.processInfo("late", "failing").state(), "BACKOFF gives up on shutdown");
        assertTrue(index(steps, "l1", STOPPED) < index(steps, "m", STOPPING), "late is stopped before mid starts");
        assertTrue(index(steps, "l2", STOPPED) < index(steps, "m", STOPPING));
        assertTrue(index(steps, "m", STOPPED) < index(steps, "e2", STOPPING), "mid is stopped before early");
        h.awaitMainLog("INFO waiting for e2, e1, m, l1, l2 to die");
        assertThrowsFault(Fault.Code.SHUTDOWN_STATE, () -> h.supervisor.startProcess("mid", "m", false));
    }

    /** The threads a worker's tasks leave are counted where shown only, never for the table or a name. */
    @Test
    void liveCountersAreCountedOnlyWhenAskedFor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        h.workers.script("leaky", () -> TestWorkers.leaking(release));
        h.start(single(process("leaky").startsecs(0).build()));
        h.awaitState("leaky", RUNNING);
        await().atMost(Duration.ofSeconds(5)).until(() -> taskThreads(h.supervisor.liveProcessInfo()) == 1);
        assertNull(h.supervisor.allProcessInfo().get(0).counters().get(SupervisedProcess.TASK_THREADS));
        assertNull(h.info("leaky").counters().get(SupervisedProcess.TASK_THREADS));
        assertEquals(0, h.supervisor.allProcessInfo().get(0).counters().get(ProcessInfo.RESTARTS),
                "the other counters are there");
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> taskThreads(h.supervisor.liveProcessInfo()) == 0);
    }

    /** The first process's {@code task_threads}, -1 when absent. */
    private static int taskThreads(List<ProcessInfo> processes) {
        return processes.get(0).counters().get(SupervisedProcess.TASK_THREADS) instanceof Integer n ? n : -1;
    }

    /** supervisord's test_rpcinterfaces.py test_signalProcess_*: BAD_SIGNAL, NOT_RUNNING; a thread takes TERM only. */
    @Test
    void signalProcessOfAThreadEndsItOnTermAndRefusesWhatAThreadCannotTake() throws Exception {
        h.workers.script("svc", TestWorkers::untilStopped);
        h.start(single(process("svc").autorestart(Autorestart.FALSE).build()));
        h.awaitState("svc", RUNNING);
        assertThrowsFault(Fault.Code.BAD_SIGNAL, () -> h.supervisor.signalProcess("svc", "svc", "BOGUS"));
        assertThrowsFault(Fault.Code.BAD_NAME, () -> h.supervisor.signalProcess("svc", "nope", "TERM"));
        Fault refused = assertThrowsFault(Fault.Code.FAILED, () -> h.supervisor.signalProcess("svc", "svc", "USR1"));
        assertEquals("FAILED: svc runs as a thread: it takes TERM, INT or QUIT (an end of its own), not SIGUSR1",
                refused.getMessage());
        h.supervisor.signalProcess("svc", "svc", "sigterm");
        h.awaitState("svc", ProcessState.EXITED);
        assertThrowsFault(Fault.Code.NOT_RUNNING, () -> h.supervisor.signalProcess("svc", "svc", "15"));
    }

    @Test
    void startWaitsForRunningAndMapsFaultsAsRpcinterface() throws Exception {
        h.workers.script("svc", TestWorkers::untilStopped);
        h.workers.script("quick", () -> TestWorkers.exitAfter(20, 0));
        h.workers.script("broken", () -> TestWorkers.spawnError("no such task 'x'"));
        h.start(single(process("svc").autostart(false).build()),
                single(process("quick").autostart(false).startretries(0).build()),
                single(process("broken").autostart(false).startretries(0).build()));
        assertEquals("Not started", h.info("svc").description());

        long t0 = System.nanoTime();
        h.supervisor.startProcess("svc", "svc", true);
        double took = (System.nanoTime() - t0) / 1e9;
        assertEquals(RUNNING, h.state("svc"));
        assertTrue(took >= 1.0, "start returned after " + took + " s, not before startsecs (DrivenClockTest: exactly)");

        assertThrowsFault(Fault.Code.ALREADY_STARTED, () -> h.supervisor.startProcess("svc", "svc", true));
        assertThrowsFault(Fault.Code.BAD_NAME, () -> h.supervisor.startProcess("svc", "nope", true));
        assertThrowsFault(Fault.Code.BAD_NAME, () -> h.supervisor.startProcess("nope", "nope", true));
        assertThrowsFault(Fault.Code.SPAWN_ERROR, () -> h.supervisor.startProcess("quick", "quick", true));
        assertThrowsFault(Fault.Code.SPAWN_ERROR, () -> h.supervisor.startProcess("broken", "broken", false));
        assertEquals(FATAL, h.state("broken"));
        assertThrowsFault(Fault.Code.NOT_RUNNING, () -> h.supervisor.stopProcess("broken", "broken", true));

        h.supervisor.stopProcess("svc", "svc", true);
        assertEquals(STOPPED, h.state("svc"));
        assertTrue(h.info("svc").description().matches("[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2} [AP]M"));
    }

    @Test
    void aStartThatLeavesStartingWithoutSpawnErrorIsAbnormalTermination() throws Exception {
        h.workers.script("slow", TestWorkers::untilStopped);
        h.start(single(process("slow").autostart(false).startsecs(5).build()));
        CompletableFuture<Fault.Code> start = CompletableFuture.supplyAsync(() -> {
            try {
                h.supervisor.startProcess("slow", "slow", true);
                return Fault.Code.SUCCESS;
            } catch (Fault f) {
                return f.code();
            }
        });
        h.awaitState("slow", STARTING);
        h.supervisor.stopProcess("slow", "slow", true);
        assertEquals(Fault.Code.ABNORMAL_TERMINATION, start.get(5, TimeUnit.SECONDS));
    }

    @Test
    void rereadDiffsGroupsAndAddRemoveFollowIt() throws Exception {
        for (String p : List.of("a", "b", "c", "d")) h.workers.script(p, TestWorkers::untilStopped);
        h.start(single(process("a").startsecs(0).build()), single(process("b").startsecs(0).build()),
                single(process("c").startsecs(0).build()));
        h.awaitState("c", RUNNING);

        ProcessConfig movedA = process("a").startsecs(0).build();
        movedA = movedA.withSource(new Source(Path.of("other.conf"), 42, "program:a", null));
        GroupConfig a = new GroupConfig("a", 999, List.of(new ProgramConfig("a", 999, List.of(movedA), null)), null);
        h.configuration = TestProcesses.configuration(dir, a, single(process("b").startsecs(2).build()),
                single(process("d").startsecs(0).build()));

        assertEquals(new ConfigChanges(List.of("d"), List.of("b"), List.of("c")), h.supervisor.reloadConfig());
        assertThrowsFault(Fault.Code.STILL_RUNNING, () -> h.supervisor.removeProcessGroup("c"));
        h.supervisor.stopProcess("c", "c", true);
        h.supervisor.removeProcessGroup("c");
        assertThrowsFault(Fault.Code.BAD_NAME, () -> h.supervisor.processInfo("c", "c"));
        h.supervisor.addProcessGroup("d");
        h.awaitState("d", RUNNING);
        assertThrowsFault(Fault.Code.ALREADY_ADDED, () -> h.supervisor.addProcessGroup("d"));
        assertThrowsFault(Fault.Code.BAD_NAME, () -> h.supervisor.addProcessGroup("zzz"));
        assertEquals(List.of("a:true", "b:true", "d:true"), h.supervisor.allConfigInfo().stream()
                .map(c -> c.name() + ":" + c.inuse()).sorted().toList());
        assertEquals(List.of("a", "b", "d"), h.supervisor.allProcessInfo().stream().map(ProcessInfo::name).toList());
        assertEquals(new ConfigChanges(List.of(), List.of("b"), List.of()), h.supervisor.reloadConfig(),
                "an added group is current; b still runs its old settings");
    }

    @Test
    void updateOfAProcessStillStoppingWaitsForItsEndBeforeStartingTheNewOne() throws Exception {
        h.workers.script("u", () -> TestWorkers.slowToStop(1500));
        h.start(single(process("u").startsecs(0).build()));
        h.awaitState("u", RUNNING);
        h.supervisor.stopProcess("u", "u", false);
        assertEquals(STOPPING, h.state("u"));
        h.configuration = TestProcesses.configuration(dir, single(process("u").startsecs(0).stopwaitsecs(5).build()));
        assertEquals(new ConfigChanges(List.of(), List.of("u"), List.of()), h.supervisor.reloadConfig());

        h.supervisor.updateProcessGroup("u");
        h.awaitState("u", RUNNING);
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED, STARTING, RUNNING),
                h.steps("u").stream().map(Harness.Step::to).toList(), "never two workers of u at once");
    }

    @Test
    void restartStopsEverythingRereadsAndStartsAgain() throws Exception {
        h.workers.script("r", TestWorkers::untilStopped);
        h.start(single(process("r").startsecs(0).build()));
        h.awaitState("r", RUNNING);
        long pid = h.info("r").pid();
        h.supervisor.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> h.supervisor.state() == SupervisorState.RUNNING
                && h.supervisor.allProcessInfo().size() == 1
                && h.supervisor.allProcessInfo().get(0).state() == RUNNING);
        assertTrue(h.info("r").pid() > pid);
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED, STARTING, RUNNING),
                h.steps("r").stream().map(Harness.Step::to).toList());
    }

    /**
     * Many processes started in one step, in the order given (supervisord's {@code startAllProcesses}): each
     * outcome is what {@code startProcess} with wait says of it, the failures at once or when they happen.
     */
    @Test
    void startProcessesSpawnsInTheOrderGivenAndReportsEachAsStartProcess() throws Exception {
        h.workers.script("svc", TestWorkers::untilStopped);
        h.workers.script("up", TestWorkers::untilStopped);
        h.workers.script("quick", () -> TestWorkers.exitAfter(20, 0));
        h.workers.script("broken", () -> TestWorkers.spawnError("no such task 'x'"));
        h.start(single(process("svc").autostart(false).build()), single(process("up").startsecs(0).build()),
                single(process("quick").autostart(false).startretries(0).build()),
                single(process("broken").autostart(false).startretries(0).build()));
        h.awaitState("up", RUNNING);
        ProcessInfo nowhere = new ProcessInfo("nope", "nope", STOPPED, 0, 0, 0, "", 0, 0, "", null, null, null);
        List<CompletableFuture<Fault>> outcomes = h.supervisor.startProcesses(List.of(h.info("broken"),
                h.info("quick"), h.info("up"), nowhere, h.info("svc")));
        List<Fault.Code> codes = new ArrayList<>();
        for (CompletableFuture<Fault> outcome : outcomes) {
            Fault f = outcome.get(10, TimeUnit.SECONDS);
            codes.add(f == null ? null : f.code());
        }
        assertEquals(Arrays.asList(Fault.Code.SPAWN_ERROR, Fault.Code.SPAWN_ERROR, Fault.Code.ALREADY_STARTED,
                Fault.Code.BAD_NAME, null), codes);
        assertEquals(RUNNING, h.state("svc"));
        assertEquals(List.of("broken", "quick", "svc"), h.steps.stream()
                .filter(s -> s.to() == STARTING && !s.name().equals("up")).map(Harness.Step::name).distinct().toList(),
                "spawned in the order given");
    }

    /**
     * supervisord's {@code Supervisor.run} (supervisor/supervisord.py) adds every group before it opens its servers
     * and autostarts: here the groups exist once the supervisor does, so a {@code status} asked before the
     * autostarts lists them all (regression: the daemon's socket answered before the groups were added, and a
     * {@code status} there printed an empty table with exit 0).
     */
    @Test
    void everyGroupIsListedBeforeTheAutostarts() throws Exception {
        var configuration = TestProcesses.configuration(dir, single(process("a").build()),
                group("g", 5, process("b").group("g").build(), process("c").group("g").build()));
        try (SupervisorCore supervisor = new SupervisorCore(configuration, h.workers, h.logs.processLogs(),
                () -> configuration)) {
            assertEquals(List.of("a:STOPPED", "g:STOPPED", "g:STOPPED"), supervisor.allProcessInfo().stream()
                    .map(p -> p.group() + ":" + p.state()).toList());
            assertEquals(0, h.workers.spawns("a"));
        }
    }

    /** A restart replaces the groups in one step: a {@code status} during it lists every process, never fewer. */
    @Test
    void aStatusDuringARestartListsEveryProcess() throws Exception {
        int n = 40;
        GroupConfig[] groups = new GroupConfig[n];
        for (int i = 0; i < n; i++) {
            String name = "p" + i;
            h.workers.script(name, TestWorkers::untilStopped);
            groups[i] = single(process(name).startsecs(0).build());
        }
        h.start(groups);
        await().atMost(Duration.ofSeconds(15)).until(() -> h.supervisor.allProcessInfo().stream()
                .allMatch(p -> p.state() == RUNNING));
        long firstPid = h.info("p0").pid();
        h.supervisor.restart();
        int fewest = n;
        boolean restarted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!restarted && System.nanoTime() < deadline) { // sampled as fast as it goes, to catch a moment
            fewest = Math.min(fewest, h.supervisor.allProcessInfo().size());
            restarted = h.supervisor.state() == SupervisorState.RUNNING && h.info("p0").pid() != firstPid
                    && h.supervisor.allProcessInfo().stream().allMatch(p -> p.state() == RUNNING);
        }
        assertTrue(restarted, "restarted within 15 s");
        assertEquals(n, fewest);
    }

    @Test
    void aSignalledShutdownDuringARestartStopsEverythingAndStartsNothingAgain() throws Exception {
        h.workers.script("r", () -> TestWorkers.slowToStop(1000));
        h.start(single(process("r").startsecs(0).build()));
        h.awaitState("r", RUNNING);
        h.supervisor.restart();
        h.awaitState("r", STOPPING);
        assertThrowsFault(Fault.Code.SHUTDOWN_STATE, () -> h.supervisor.shutdown()); // the request, as supervisord's
        h.supervisor.terminate(); // SIGTERM
        h.supervisor.terminated().get(10, TimeUnit.SECONDS);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> h.supervisor.state() == SupervisorState.SHUTDOWN && h.state("r") == STOPPED);
        assertEquals(List.of(STARTING, RUNNING, STOPPING, STOPPED),
                h.steps("r").stream().map(Harness.Step::to).toList());
    }

    /**
     * Requests released together while a restart takes a while (its process stops slowly): exactly one restart
     * wins, the others find the daemon RESTARTING (regression: two could pass the check before either wrote).
     */
    @Test
    void concurrentRestartRequestsAreDecidedOnce() throws Exception {
        h.workers.script("r", () -> TestWorkers.slowToStop(100));
        h.start(single(process("r").startsecs(0).build()));
        for (int round = 0; round < 8; round++) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> h.supervisor.state() == SupervisorState.RUNNING && h.state("r") == RUNNING);
            assertEquals(1, race(h.supervisor::restart, h.supervisor::restart, h.supervisor::restart,
                    h.supervisor::restart), "round " + round);
        }
    }

    /**
     * A SIGTERM landing with a restart request (regression: the restart used to overwrite SHUTDOWN with RESTARTING,
     * then start everything again): whoever wins, the daemon ends SHUT DOWN with every process stopped.
     */
    @Test
    void aSigtermRacingARestartRequestAlwaysEndsInShutdown() throws Exception {
        h.close();
        for (int round = 0; round < 6; round++) {
            h = new Harness(dir);
            h.workers.script("r", TestWorkers::untilStopped);
            h.start(single(process("r").startsecs(0).build()));
            h.awaitState("r", RUNNING);
            race(h.supervisor::restart, h.supervisor::terminate);
            h.supervisor.terminated().get(10, TimeUnit.SECONDS);
            int r = round;
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() ->
                    h.supervisor.state() == SupervisorState.SHUTDOWN && h.state("r").isStopped());
            assertEquals(SupervisorState.SHUTDOWN, h.supervisor.state(), () -> "round " + r);
            h.close();
        }
        h = new Harness(dir);
    }

    /** Runs the calls at once (released by a barrier); returns how many did not fault. */
    private static int race(ProcessStateMachineTest.FaultyCall... calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.length);
        List<CompletableFuture<Boolean>> results = Arrays.stream(calls).map(call ->
                CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await();
                        call.run();
                        return true;
                    } catch (Fault f) {
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, r -> new Thread(r).start())).toList();
        int won = 0;
        for (CompletableFuture<Boolean> r : results) won += r.get(10, TimeUnit.SECONDS) ? 1 : 0;
        return won;
    }

    /** How many lines of the main log hold {@code text}. */
    private long linesWith(String text) {
        return h.mainLog().lines().filter(l -> l.contains(text)).count();
    }

    /**
     * supervisord's stop_report (rpcinterface's stopProcess waiting) and shutdown_report on a clock the test drives:
     * a line as the wait begins, then one exactly every 2 s (a stop) or 3 s (a shutdown) while the process has not
     * stopped, and none once it has.
     */
    @Test
    void aSlowStopIsReportedEveryTwoSecondsAndASlowShutdownEveryThree() throws Exception {
        DrivenClock clock = new DrivenClock();
        h.clock = clock;
        CountDownLatch slowEnds = new CountDownLatch(1);
        CountDownLatch slowerEnds = new CountDownLatch(1);
        h.workers.script("slow", () -> TestWorkers.held(slowEnds, 0));
        h.workers.script("slower", () -> TestWorkers.held(slowerEnds, 0));
        h.start(single(process("slow").startsecs(0).stopwaitsecs(60).build()),
                single(process("slower").startsecs(0).stopwaitsecs(60).build()));
        clock.advance(1, TimeUnit.NANOSECONDS); // startsecs=0: RUNNING once ready and past the spawn's instant
        h.awaitState("slow", RUNNING);
        h.awaitState("slower", RUNNING);

        try {
            String stopLine = "INFO waiting for slow to stop";
            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                try {
                    h.supervisor.stopProcess("slow", "slow", true);
                } catch (Fault f) {
                    throw new IllegalStateException(f);
                }
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> linesWith(stopLine) == 1);
            assertReportsAfter(clock, TimeUnit.SECONDS.toNanos(2), stopLine);
            slowEnds.countDown();
            stop.get(15, TimeUnit.SECONDS);
            clock.advance(10, TimeUnit.SECONDS);
            assertEquals(3, linesWith(stopLine), "no report once stopped");

            String dieLine = "INFO waiting for slower to die";
            h.supervisor.shutdown();
            await().atMost(Duration.ofSeconds(15)).until(() -> linesWith(dieLine) == 1);
            assertReportsAfter(clock, TimeUnit.SECONDS.toNanos(3), dieLine);
            slowerEnds.countDown();
            h.supervisor.terminated().get(15, TimeUnit.SECONDS);
            clock.advance(10, TimeUnit.SECONDS);
            assertEquals(3, linesWith(dieLine), "no report once every process has stopped");
        } finally { // deaf to stops, on a clock nobody moves past stopwaitsecs: they end only when released
            slowEnds.countDown();
            slowerEnds.countDown();
        }
    }

    /** With one {@code line} reported now: the next exactly {@code periodNanos} later, not a nanosecond before. */
    private void assertReportsAfter(DrivenClock clock, long periodNanos, String line) {
        clock.advance(periodNanos - 1, TimeUnit.NANOSECONDS);
        assertEquals(1, linesWith(line), "not before " + periodNanos + " ns");
        clock.advance(1, TimeUnit.NANOSECONDS);
        assertEquals(2, linesWith(line), "again at exactly " + periodNanos + " ns");
        clock.advance(periodNanos, TimeUnit.NANOSECONDS);
        assertEquals(3, linesWith(line), "and again a period later");
    }
}
