package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import dev.orchestrator.testing.Supervisorctl;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real supervisorctl against a real daemon (its control socket speaking supervisord's XML-RPC and logtail):
 * every command an operator uses, with supervisorctl's own lines and exit statuses (its
 * {@code supervisor/supervisorctl.py}, {@code DefaultControllerPlugin.do_*}).
 */
class SupervisorctlTest extends DaemonTestBase {

    private final Talker solo = new Talker();
    private Supervisorctl ctl;

    @BeforeEach
    void start() throws Exception {
        startFourPrograms(() -> solo);
        ctl = new Supervisorctl(h.mainFile);
    }

    @Test
    void statusAndPid() throws Exception {
        Supervisorctl.Run r = ctl.run("status");
        assertEquals(3, r.status(), r.out());
        List<String> lines = r.lines();
        assertEquals(5, lines.size(), r.out());
        assertEquals("broken                           STOPPED   Not started", lines.get(0));
        assertTrue(lines.get(1).matches("c:c-0 {28}RUNNING   pid \\d+, uptime 0:00:\\d\\d"), lines.get(1));
        assertEquals("manual                           STOPPED   Not started", lines.get(3));
        assertEquals(new Supervisorctl.Run(4, "nope: ERROR (no such process)\n"), ctl.run("status", "nope"));
        assertEquals(new Supervisorctl.Run(0, ProcessHandle.current().pid() + "\n"), ctl.run("pid"));
        long pid = h.daemon.processInfo("solo", "solo").pid();
        assertEquals(new Supervisorctl.Run(0, pid + "\n"), ctl.run("pid", "solo"));
        assertEquals(new Supervisorctl.Run(7, "0\n"), ctl.run("pid", "manual"));
    }

    @Test
    void startStopRestartByNameGroupAndAll() throws Exception {
        assertEquals(new Supervisorctl.Run(0, "solo: stopped\n"), ctl.run("stop", "solo"));
        assertEquals(new Supervisorctl.Run(0, "solo: started\n"), ctl.run("start", "solo"));
        assertEquals(new Supervisorctl.Run(0, "solo: ERROR (already started)\n"), ctl.run("start", "solo"));
        assertEquals(new Supervisorctl.Run(0, "manual: ERROR (not running)\n"), ctl.run("stop", "manual"));
        assertEquals(new Supervisorctl.Run(1, "nope: ERROR (no such process)\n"), ctl.run("stop", "nope"));
        assertEquals(new Supervisorctl.Run(7, "broken: ERROR (spawn error)\n"), ctl.run("start", "broken"));
        assertEquals(List.of("c:c-0: stopped", "c:c-1: stopped"), sorted(ctl.run("stop", "c:*")));
        assertEquals(List.of("c:c-0: started", "c:c-1: started"), sorted(ctl.run("start", "c:*")));
        assertEquals(List.of("c:c-0: stopped", "c:c-0: started"), ctl.run("restart", "c:c-0").lines());
        Supervisorctl.Run all = ctl.run("restart", "all");
        assertEquals(List.of("broken: ERROR (spawn error)", "c:c-0: started", "c:c-0: stopped", "c:c-1: started",
                "c:c-1: stopped", "manual: started", "solo: started", "solo: stopped"), sorted(all));
        assertEquals(7, all.status());
        Supervisorctl.Run stopAll = ctl.run("stop", "all");
        assertEquals(0, stopAll.status(), stopAll.out());
        assertEquals(4, stopAll.lines().size(), stopAll.out());
        assertTrue(h.daemon.allProcessInfo().stream().allMatch(p -> p.state().isStopped()));
    }

    private static List<String> sorted(Supervisorctl.Run r) {
        return r.lines().stream().sorted().toList();
    }

    @Test
    void tailAndTailFollow() throws Exception {
        for (int i = 0; i < 300; i++) solo.say("line " + i);
        solo.say("last");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("logs/solo.log"))
                .contains("last"));
        Supervisorctl.Run tail = ctl.run("tail", "solo");
        assertEquals(0, tail.status());
        assertTrue(tail.out().endsWith("line 299\nlast\n\n"), tail.out());
        assertEquals(1600 + 1, tail.out().length(), "supervisorctl's default: the last 1600 bytes, and a newline");
        assertEquals(new Supervisorctl.Run(0, "last\n\n"), ctl.run("tail", "-5", "solo"));

        Process follow = ctl.start("tail", "-f", "solo");
        try {
            StringBuilder seen = new StringBuilder();
            InputStream in = follow.getInputStream();
            await().atMost(Duration.ofSeconds(10)).until(() -> Supervisorctl.readAvailable(in, seen).contains("last"));
            assertTrue(seen.toString().startsWith("==> Press Ctrl-C to exit <==\n"), seen.toString());
            solo.say("appended while following");
            await().atMost(Duration.ofSeconds(10)).until(() -> Supervisorctl.readAvailable(in, seen).contains("appended while following"));
            h.run("clear", "solo");
            solo.say("after clear");
            await().atMost(Duration.ofSeconds(10)).until(() -> Supervisorctl.readAvailable(in, seen).contains("after clear"));
            assertTrue(follow.isAlive());
        } finally {
            follow.destroy();
        }
    }

    @Test
    void clearAndSignal() throws Exception {
        solo.say("to be cleared");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("logs/solo.log"))
                .contains("to be cleared"));
        assertEquals(new Supervisorctl.Run(0, "solo: cleared\n"), ctl.run("clear", "solo"));
        assertEquals("", Files.readString(dir.resolve("logs/solo.log")));
        assertEquals(new Supervisorctl.Run(1, "nope: ERROR (no such process)\n"), ctl.run("clear", "nope"));
        assertEquals(new Supervisorctl.Run(1, "c:c-0: ERROR (bad signal name)\n"), ctl.run("signal", "BOGUS", "c:c-0"));
        assertEquals(new Supervisorctl.Run(7, "manual: ERROR (not running)\n"), ctl.run("signal", "TERM", "manual"));
        assertEquals(new Supervisorctl.Run(0, "c:c-0: signalled\n"), ctl.run("signal", "TERM", "c:c-0"));
        h.awaitState("c", "c-0", ProcessState.EXITED);
    }

    @Test
    void rereadUpdateAvail() throws Exception {
        assertEquals(new Supervisorctl.Run(0, "No config updates to processes\n"), ctl.run("reread"));
        h.writeConfig(FOUR_PROGRAMS + "\n[program:extra]\ncommand=engine-launcher -e test -n extra -w 0\nstartsecs=0\n");
        h.workers.script("extra", TestWorkers::untilStopped);
        assertEquals(new Supervisorctl.Run(0, "extra: available\n"), ctl.run("reread"));
        assertEquals(new Supervisorctl.Run(0, "extra: added process group\n"), ctl.run("update"));
        h.awaitState("extra", "extra", ProcessState.RUNNING);
        List<String> avail = ctl.run("avail").lines();
        assertTrue(avail.contains("extra                            in use    auto      999:999"), avail.toString());
        assertTrue(avail.contains("manual                           in use    manual    999:999"), avail.toString());
    }

    @Test
    void shutdown() throws Exception {
        assertEquals(new Supervisorctl.Run(0, "Shut down\n"), ctl.run("shutdown"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(h.socket()));
        Supervisorctl.Run after = ctl.run("status");
        assertEquals("unix://" + h.socket() + " no such file\n", after.out());
        assertFalse(after.status() == 0);
    }
}
