package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code start} reports every process that did not reach RUNNING and exits non-zero, in the same order every run:
 * a process of the group already in BACKOFF (autostarted, failing at every spawn) is awaited until it gives up
 * instead of being skipped as "already started" with exit 0.
 */
class StartReportTest extends DaemonTestBase {

    @Test
    void startAllAwaitsAProcessInBackoffAndReportsItsSpawnErrorInPriorityOrder() throws Exception {
        harness("""
                [program:zeta]
                command=engine-launcher -e test -n zeta -w 0
                priority=1
                autostart=false
                startsecs=0

                [program:alpha]
                command=engine-launcher -e test -n alpha -w 0
                priority=2
                autostart=false
                startsecs=0

                [program:failing]
                command=engine-launcher -e test -n failing -w 0
                priority=3
                startsecs=1
                startretries=2
                """);
        h.workers.script("zeta", TestWorkers::untilStopped);
        h.workers.script("alpha", TestWorkers::untilStopped);
        h.workers.script("failing", () -> TestWorkers.exitAfter(0, 1));
        h.start();
        h.awaitState("failing", "failing", ProcessState.BACKOFF);
        ControlHarness.Run r = h.run("start", "all");
        assertEquals(new ControlHarness.Run(7, String.join("\n", "zeta: started", "alpha: started",
                "failing: ERROR (spawn error)", ""), ""), r, "priority order, the one in BACKOFF reported");
        assertEquals(ProcessState.FATAL, h.daemon.processInfo("failing", "failing").state());
        ControlHarness.Run again = h.run("start", "failing");
        assertEquals(7, again.status(), again.toString());
    }

    @Test
    void startDaemonAloneIsNotAUsageError() throws Exception {
        startSolo();
        assertEquals(new ControlHarness.Run(0, "", ""), h.run("start", "-d"));
        assertEquals(List.of("Error: start requires a process name"), h.run("start").err().lines().limit(1).toList());
    }
}
