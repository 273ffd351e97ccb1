package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
