package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.TestWorkers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every control command through the real CLI against a real daemon: output lines and exit statuses. */
class ControlCommandsTest extends DaemonTestBase {

    @BeforeEach
    void start() throws Exception {
        startFourPrograms(TestWorkers::untilStopped);
    }

    @Test
    void statusTableInLexicalOrderAndExit3ForAStoppedProcess() {
        ControlHarness.Run r = h.run("status");
        assertEquals(3, r.status(), r.toString());
        List<String> lines = r.lines();
        assertEquals(List.of("broken", "c:c-0", "c:c-1", "manual", "solo"),
                lines.stream().map(l -> l.substring(0, 33).strip()).toList());
        assertEquals("broken                           STOPPED   Not started", lines.get(0));
        assertTrue(lines.get(1).matches("c:c-0 {28}RUNNING   pid \\d+, uptime 0:00:\\d\\d"), lines.get(1));
    }

    @Test
    void statusOfRunningNamesIsExit0AndUnknownNamesExit4() {
        assertEquals(0, h.run("status", "c:*", "solo").status());
        ControlHarness.Run r = h.run("status", "nope", "g:*", "c-1");
        assertEquals(4, r.status());
        assertEquals("nope: ERROR (no such process)", r.lines().get(0));
        assertEquals("g: ERROR (no such group)", r.lines().get(1));
        assertTrue(r.lines().get(2).startsWith("c:c-1 "), "bare process name c-1 resolves to c:c-1");
        assertEquals(3, r.lines().size());
    }

    @Test
    void startAndStopLinesAndExitStatuses() {
        assertEquals(new ControlHarness.Run(0, "manual: started\n", ""), h.run("start", "manual"));
        assertEquals(new ControlHarness.Run(0, "manual: ERROR (already started)\n", ""), h.run("start", "manual"));
        assertEquals(new ControlHarness.Run(0, "manual: stopped\n", ""), h.run("stop", "manual"));
        assertEquals(new ControlHarness.Run(0, "manual: ERROR (not running)\n", ""), h.run("stop", "manual"));
        assertEquals(new ControlHarness.Run(1, "nope: ERROR (no such process)\n", ""), h.run("start", "nope"));
        assertEquals(new ControlHarness.Run(2, "g: ERROR (no such group)\n", ""), h.run("start", "g:*"));
        assertEquals(new ControlHarness.Run(1, "g: ERROR (no such group)\n", ""), h.run("stop", "g:*"));
        assertEquals(new ControlHarness.Run(7, "broken: ERROR (spawn error)\n", ""), h.run("start", "broken"));
    }

    @Test
    void groupStartSkipsRunningProcessesSilently() {
        assertEquals(new ControlHarness.Run(0, "", ""), h.run("start", "c:*"));
        ControlHarness.Run stop = h.run("stop", "c:");
        assertEquals(0, stop.status());
        assertEquals(List.of("c:c-0: stopped", "c:c-1: stopped"), stop.lines().stream().sorted().toList());
        ControlHarness.Run start = h.run("start", "c:*");
        assertEquals(List.of("c:c-0: started", "c:c-1: started"), start.lines().stream().sorted().toList());
    }

    @Test
    void helpOfEachCommand() {
        for (String command : List.of("status", "start", "stop", "restart", "tail", "pid", "reread", "update",
                "reload", "shutdown", "avail", "clear", "version")) {
            ControlHarness.Run r = h.run(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().startsWith("Usage: orchestrator " + command + " "), r.out());
        }
    }

    @Test
    void noNameIsAUsageError() {
        ControlHarness.Run start = h.run("start");
        assertEquals(2, start.status());
        assertTrue(start.err().startsWith("Error: start requires a process name\n"), start.err());
        assertEquals(1, h.run("stop").status());
        assertEquals(1, h.run("restart").status());
        assertEquals(1, h.run("clear").status());
        assertTrue(h.run("stop").err().startsWith("Error: stop requires a process name"));
    }
}
