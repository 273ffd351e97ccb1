package dev.orchestrator.childprocess;

import static dev.orchestrator.supervision.ProcessState.BACKOFF;
import static dev.orchestrator.supervision.ProcessState.EXITED;
import static dev.orchestrator.supervision.ProcessState.FATAL;
import static dev.orchestrator.supervision.ProcessState.RUNNING;
import static dev.orchestrator.supervision.ProcessState.STOPPED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child processes with supervisord's semantics, each case re-expressing one of supervisord's own tests
 * (supervisor/tests/test_process.py, test_end_to_end.py) with real programs.
 */
class ChildProcessTest {

    @TempDir
    Path dir;
    private ChildHarness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    private ChildHarness start(String programs) throws Fault {
        h = new ChildHarness(dir, programs);
        return h;
    }

    /** test_finish_starting_state_exited_too_quickly, test_give_up, test_end_to_end test_issue_733. */
    @Test
    void quickExitBacksOffThenGivesUp() throws Exception {
        start("[program:quick]\ncommand=sh -c 'exit 1'\nstartsecs=1\nstartretries=1\n");
        ProcessInfo fatal = h.awaitState("quick", FATAL);
        assertEquals("Exited too quickly (process log may have details)", fatal.description());
        String log = h.mainLog();
        assertTrue(log.matches("(?s).*INFO spawned: 'quick' with pid \\d+.*"), log);
        assertTrue(log.contains("WARN exited: quick (exit status 1; not expected)"), log);
        assertTrue(log.contains("INFO gave up: quick entered FATAL state, too many start retries too quickly"), log);
    }

    /** test_spawn_as_parent (a real pid), test_kill_from_running, test_finish_stopping_state. */
    @Test
    void runsWithItsRealPidAndStopsOnSigterm() throws Exception {
        start("[program:sleeper]\ncommand=sleep 30\nstartsecs=0\n");
        ProcessInfo running = h.awaitState("sleeper", RUNNING);
        Optional<ProcessHandle> child = ProcessHandle.of(running.pid());
        assertTrue(child.isPresent() && child.get().info().command().orElse("").endsWith("sleep"),
                () -> "pid " + running.pid() + " is " + child.map(c -> c.info().toString()).orElse("gone"));
        assertEquals(running.pid(), child.get().pid());
        assertTrue(running.description().startsWith("pid " + running.pid() + ", uptime 0:00:0"));
        h.supervisor.stopProcess("sleeper", "sleeper", true);
        ProcessInfo stopped = h.info("sleeper");
        assertEquals(STOPPED, stopped.state());
        assertEquals(-1, stopped.exitstatus());
        assertEquals(0, stopped.pid());
        assertFalse(child.get().isAlive());
        h.awaitMainLog("DEBG killing sleeper (pid " + running.pid() + ") with signal SIGTERM");
        h.awaitMainLog("WARN stopped: sleeper (terminated by SIGTERM)");
    }

    /** test_transition_exited_to_starting_*: autorestart=unexpected restarts only on a code not in exitcodes. */
    @Test
    void exitcodesDecideTheRestart() throws Exception {
        start("[program:expected]\ncommand=sh -c 'sleep 0.2; exit 3'\nstartsecs=0\nexitcodes=0,3\n"
                + "[program:unexpected]\ncommand=sh -c 'sleep 0.2; exit 4'\nstartsecs=0\nexitcodes=0,3\n");
        ProcessInfo exited = h.awaitState("expected", EXITED);
        assertEquals(3, exited.exitstatus());
        h.awaitMainLog("INFO exited: expected (exit status 3; expected)");
        h.awaitMainLog("WARN exited: unexpected (exit status 4; not expected)");
        await().atMost(Duration.ofSeconds(10)).until(() -> (int) h.info("unexpected").counters().get("restarts") >= 2);
        assertEquals(0, h.info("expected").counters().get("restarts"));
        assertEquals(EXITED, h.info("expected").state());
    }

    /** test_transition_stopping_to_killed: SIGKILL after stopwaitsecs; the process stays STOPPING until it dies. */
    @Test
    void childIgnoringSigtermIsKilledAfterStopwaitsecs() throws Exception {
        start("[program:stubborn]\ncommand=sh -c 'trap \"\" TERM; while :; do sleep 0.1; done'\nstartsecs=0\n"
                + "stopwaitsecs=1\n");
        long pid = h.awaitState("stubborn", RUNNING).pid();
        long t0 = System.nanoTime();
        h.supervisor.stopProcess("stubborn", "stubborn", true);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // from below only, as a loaded machine makes anything late: the exact times are DrivenClockTest's
        assertTrue(millis >= 1000, "stopped after " + millis + " ms");
        assertEquals(STOPPED, h.info("stubborn").state());
        h.awaitMainLog("WARN killing 'stubborn' (" + pid + ") with SIGKILL");
        h.awaitMainLog("WARN stopped: stubborn (terminated by SIGKILL)");
    }

    /** stopsignal: the program's own signal ends it gracefully (INFO, exit status 0). */
    @Test
    void stopsignalIsSent() throws Exception {
        start("[program:polite]\ncommand=sh -c 'trap \"exit 0\" USR1; while :; do sleep 0.1; done'\nstartsecs=0\n"
                + "stopsignal=USR1\nstopwaitsecs=5\n");
        long pid = h.awaitState("polite", RUNNING).pid();
        h.supervisor.stopProcess("polite", "polite", true);
        assertEquals(0, h.info("polite").exitstatus());
        h.awaitMainLog("DEBG killing polite (pid " + pid + ") with signal SIGUSR1");
        h.awaitMainLog("INFO stopped: polite (exit status 0)");
    }

    /** test_stopasgroup / test_kill_from_running_w_killasgroup: the whole process group goes (issue #1101). */
    @Test
    void stopasgroupStopsGrandchildrenToo() throws Exception {
        start("[program:family]\ncommand=sh -c 'sleep 60 & sleep 60 & wait'\nstartsecs=0\nstopasgroup=true\n");
        long pid = h.awaitState("family", RUNNING).pid();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> p.children().count())
                .orElse(0L) == 2);
        List<ProcessHandle> grandchildren = ProcessHandle.of(pid).orElseThrow().children().toList();
        h.supervisor.stopProcess("family", "family", true);
        await().atMost(Duration.ofSeconds(5)).until(() -> grandchildren.stream().noneMatch(ProcessHandle::isAlive));
        h.awaitMainLog("DEBG killing family (pid " + pid + ") process group with signal SIGTERM");
    }

    /** redirect_stderr, and stdout/stderr captured into their files as written (no timestamp). */
    @Test
    void outputIsCapturedIntoTheLogFiles() throws Exception {
        start("[program:both]\ncommand=sh -c 'echo out; echo err >&2; sleep 30'\nstartsecs=0\n"
                + "stdout_logfile=%(here)s/both.out\nstderr_logfile=%(here)s/both.err\n"
                + "[program:merged]\ncommand=sh -c 'echo out; echo err >&2; sleep 30'\nstartsecs=0\n"
                + "stdout_logfile=%(here)s/merged.log\nredirect_stderr=true\n"
                + "[program:silent]\ncommand=sh -c 'echo out; sleep 30'\nstartsecs=0\nstdout_logfile=NONE\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> h.read("both.out").equals("out\n")
                && h.read("both.err").equals("err\n") && h.read("merged.log").length() == 8);
        assertTrue(h.read("merged.log").contains("out\n") && h.read("merged.log").contains("err\n"));
        assertEquals("", h.info("silent").stdoutLogfile());
    }

    /**
     * supervisord's rotation (loggers.py): past maxbytes the file becomes .1, older ones shift, at most backups (a
     * rotated file exceeds maxbytes by up to one read of the pipe, as supervisord's by one write).
     */
    @Test
    void outputRotatesAsSupervisordsLogs() throws Exception {
        start("[program:spew]\ncommand=sh -c 'for i in 1 2 3 4 5; do head -c 1500 /dev/zero | tr \"\\\\0\" $i;"
                + " sleep 0.1; done; sleep 30'\nstartsecs=0\n"
                + "stdout_logfile=%(here)s/spew.log\nstdout_logfile_maxbytes=1KB\nstdout_logfile_backups=2\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> h.read("spew.log").startsWith("5"));
        assertTrue(h.read("spew.log.1").startsWith("4") && h.read("spew.log.2").startsWith("3"),
                () -> h.read("spew.log.1").length() + " " + h.read("spew.log.1").charAt(0) + " / "
                        + h.read("spew.log.2").length());
        assertTrue(Files.exists(dir.resolve("spew.log.1")) && Files.exists(dir.resolve("spew.log.2")));
        assertFalse(Files.exists(dir.resolve("spew.log.3")));
    }

    /** A child flooding its output does not hold up the supervisor or the main log; its file rotates. */
    @Test
    void aFloodingChildBlocksNobody() throws Exception {
        start("[program:flood]\ncommand=yes flooding-the-pipe\nstartsecs=0\nstdout_logfile=%(here)s/flood.log\n"
                + "stdout_logfile_maxbytes=1MB\nstdout_logfile_backups=1\n"
                + "[program:other]\ncommand=sleep 30\nstartsecs=0\nautostart=false\n");
        h.awaitState("flood", RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("flood.log.1")));
        long t0 = System.nanoTime();
        h.supervisor.startProcess("other", "other", true);
        h.supervisor.stopProcess("other", "other", true);
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "start and stop took " + (System.nanoTime() - t0));
        h.awaitMainLog("stopped: other (terminated by SIGTERM)");
        assertEquals(RUNNING, h.info("flood").state());
    }

    /** test_spawn_as_child_environment_supervisor_envvars, test_issue_1170 (the program's environment wins), cwd. */
    @Test
    void environmentAndDirectoryReachTheChild() throws Exception {
        Files.createDirectory(dir.resolve("work"));
        start("[supervisord]\n[program:env]\ncommand=sh -c 'echo \"$FOO|$BAR|$SUPERVISOR_ENABLED|"
                + "$SUPERVISOR_PROCESS_NAME|$SUPERVISOR_GROUP_NAME|$(pwd)\"; sleep 30'\nstartsecs=0\n"
                + "environment=FOO=\"from program\",BAR=%(program_name)s\ndirectory=%(here)s/work\n"
                + "stdout_logfile=%(here)s/env.log\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> !h.read("env.log").isEmpty());
        assertEquals("from program|env|1|env|env|" + dir.resolve("work").toRealPath() + "\n", h.read("env.log"));
    }

    /** Spawn errors with supervisord's texts (process.py, options.py check_execv_args): FATAL, the others run. */
    @Test
    void badCommandsAreSpawnErrorsAndOthersKeepRunning() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("script.sh"), "echo hi\n");
        start("[program:missing]\ncommand=no-such-command-here --flag\nstartsecs=0\nstartretries=0\n"
                + "[program:plain]\ncommand=%(here)s/script.sh\nstartsecs=0\nstartretries=0\n"
                + "[program:folder]\ncommand=%(here)s\nstartsecs=0\nstartretries=0\n"
                + "[program:nowhere]\ncommand=sleep 30\ndirectory=%(here)s/nowhere\nstartsecs=0\nstartretries=0\n"
                + "[program:fine]\ncommand=sleep 30\nstartsecs=0\n");
        assertEquals("can't find command 'no-such-command-here'", h.awaitState("missing", FATAL).description());
        assertEquals("command at '" + notExecutable + "' is not executable", h.awaitState("plain", FATAL)
                .description());
        assertEquals("command at '" + dir + "' is a directory", h.awaitState("folder", FATAL).description());
        assertEquals("couldn't chdir to " + dir.resolve("nowhere") + ": ENOENT",
                h.awaitState("nowhere", FATAL).description());
        h.awaitState("fine", RUNNING);
        h.awaitMainLog("INFO spawnerr: can't find command 'no-such-command-here'");
    }

    /** test_signalProcess_*: the real signal reaches the child; a stopped one is NOT_RUNNING. */
    @Test
    void signalReachesTheChild() throws Exception {
        start("[program:hup]\ncommand=sh -c 'trap \"echo got hup\" HUP; while :; do sleep 0.1; done'\nstartsecs=0\n"
                + "stdout_logfile=%(here)s/hup.log\n");
        h.awaitState("hup", RUNNING);
        h.supervisor.signalProcess("hup", "hup", "HUP");
        await().atMost(Duration.ofSeconds(5)).until(() -> h.read("hup.log").contains("got hup"));
        assertEquals(RUNNING, h.info("hup").state());
        h.supervisor.signalProcess("hup", "hup", "KILL");
        h.awaitMainLog("WARN exited: hup (terminated by SIGKILL; not expected)");
        h.awaitState("hup", RUNNING);
        assertTrue(h.mainLog().indexOf("spawned: 'hup'") != h.mainLog().lastIndexOf("spawned: 'hup'"),
                "restarted after an unexpected death");
    }

    /** A kill -9 in BACKOFF is not needed: a spawn error already in BACKOFF retries after 1 s (backoff 1). */
    @Test
    void spawnErrorRetriesThenFatal() throws Exception {
        start("[program:gone]\ncommand=/nonexistent/prog\nstartretries=1\n");
        h.awaitState("gone", BACKOFF);
        assertEquals("can't find command '/nonexistent/prog'", h.awaitState("gone", FATAL).description());
    }
}
