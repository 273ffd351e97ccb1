package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void aRunningProcessHasUsedCpuAndAGoneOneHasNoFigure() {
        assertTrue(ProcessCpu.seconds(ProcessHandle.current().pid()) > 0);
        assertTrue(Double.isNaN(ProcessCpu.seconds(Long.MAX_VALUE)));
    }

    @Test
    void aFinishedChildCountsInTheChildrenTime() throws Exception {
        double before = ProcessCpu.childrenSeconds();
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        child.waitFor();
        assertTrue(ProcessCpu.childrenSeconds() > before, "children time did not grow");
    }

    @Test
    void aThreadThatWaitsCountsContextSwitchesAndAGoneProcessHasNoFigure() {
        long pid = ProcessHandle.current().pid();
        double before = ProcessCpu.contextSwitches(pid);
        for (int i = 0; i < 20; i++) {
            LockSupport.parkNanos(1_000_000); // each timed wait gives the core up: a voluntary switch
        }
        assertTrue(ProcessCpu.contextSwitches(pid) >= before + 20, "context switches did not grow");
        assertTrue(Double.isNaN(ProcessCpu.contextSwitches(Long.MAX_VALUE)));
    }
}
