package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code update} restarts only the programs whose configuration changed, not their whole group. */
class UpdateTest extends DaemonTestBase {

    private static final String PAIR = """
            [group:pair]
            programs=left,right

            [program:left]
            command=engine-launcher -e test -n left -w 0
            startsecs=0

            [program:right]
            command=engine-launcher -e test -n right -w 0
            startsecs=0
            """;
    private static final String SCALED = """
            [program:scaled]
            command=engine-launcher -e test -n scaled -w %(process_num)d
            process_name=scaled-%(process_num)d
            numprocs=1
            startsecs=0
            """;

    @BeforeEach
    void start() throws Exception {
        harness(PAIR + SCALED);
        for (String p : List.of("left", "right", "scaled-0", "scaled-1")) h.workers.script(p, TestWorkers::untilStopped);
        h.start();
        h.awaitState("pair", "right", ProcessState.RUNNING);
        h.awaitState("scaled", "scaled-0", ProcessState.RUNNING);
    }

    private long pid(String group, String name) throws Exception {
        return h.daemon.processInfo(group, name).pid();
    }

    @Test
    void onlyTheChangedProgramOfAGroupRestarts() throws Exception {
        long left = pid("pair", "left");
        long right = pid("pair", "right");
        h.writeConfig(PAIR.replace("-n right -w 0\n", "-n right -w 0\nstopwaitsecs=5\n") + SCALED);
        assertEquals("pair: changed\n", h.run("reread").out());
        ControlHarness.Run r = h.run("update");
        assertEquals(List.of("pair:right: stopped", "pair: updated process group"), r.lines());
        h.awaitState("pair", "right", ProcessState.RUNNING);
        assertNotEquals(right, pid("pair", "right"));
        assertEquals(left, pid("pair", "left"), "left did not change: it kept running");
        assertEquals("No config updates to processes\n", h.run("reread").out());
    }

    @Test
    void moreOrFewerProcessesLeaveTheOthersRunning() throws Exception {
        long first = pid("scaled", "scaled-0");
        h.writeConfig(PAIR + SCALED.replace("numprocs=1", "numprocs=2"));
        assertEquals(List.of("scaled: updated process group"), h.run("update").lines());
        await().atMost(Duration.ofSeconds(10)).until(() -> h.daemon.processInfo("scaled", "scaled-1").state()
                == ProcessState.RUNNING);
        assertEquals(first, pid("scaled", "scaled-0"));
        h.writeConfig(PAIR + SCALED);
        assertEquals(List.of("scaled:scaled-1: stopped", "scaled: updated process group"), h.run("update").lines());
        assertEquals(List.of("scaled-0"), h.daemon.allProcessInfo().stream()
                .filter(p -> p.group().equals("scaled")).map(p -> p.name()).toList());
        assertEquals(first, pid("scaled", "scaled-0"));
    }
}
