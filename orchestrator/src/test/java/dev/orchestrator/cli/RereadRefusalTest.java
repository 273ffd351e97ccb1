package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.plan.CommandSearch;
import dev.orchestrator.plan.ExecutionPlanner;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import org.junit.jupiter.api.Test;

/**
 * {@code reread} and {@code update} decide which way each program runs as check does, and refuse a configuration
 * with errors ({@code CANT_REREAD}) instead of replacing a healthy worker with one that cannot start.
 */
class RereadRefusalTest extends DaemonTestBase {

    private static final String PROGRAM = """
            [program:solo]
            command=engine-launcher -e test -n solo -w 0
            startsecs=0
            """;

    @Test
    void aProgramThatCannotRunIsRefusedAndTheRunningOneKept() throws Exception {
        harness(PROGRAM);
        DefaultTaskRegistry registry = new DefaultTaskRegistry();
        registry.registerEngineType("test", context -> null);
        h.planner = new ExecutionPlanner(registry, new CommandSearch(""))::plan;
        h.workers.script("solo", TestWorkers::untilStopped);
        h.start();
        h.awaitState("solo", "solo", ProcessState.RUNNING);
        long pid = h.daemon.processInfo("solo", "solo").pid();
        h.writeConfig(PROGRAM.replace("-e test", "-e nosuch"));
        for (String command : new String[] {"reread", "update"}) {
            ControlHarness.Run r = h.run(command);
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.out().startsWith("ERROR: CANT_REREAD: error: "), r.out());
            assertTrue(r.out().contains("program solo cannot run: engine type 'nosuch' has no Java implementation"),
                    r.out());
        }
        assertEquals(ProcessState.RUNNING, h.daemon.processInfo("solo", "solo").state());
        assertEquals(pid, h.daemon.processInfo("solo", "solo").pid());
    }
}
