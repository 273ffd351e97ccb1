package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    private static final String ROLLUP = """
            55d0c0a3b000-7ffd8a5f3000 ---p 00000000 00:00 0                          [rollup]
            Rss:               11900 kB
            Pss:                4321 kB
            Pss_Anon:           3000 kB
            Pss_File:           1321 kB
            """;

    @Test
    void theFieldIsTheExactLineNotOneItPrefixes() throws IOException {
        assertEquals(4321, ProcessMemory.kib(ROLLUP, "Pss:"));
        assertEquals(3000, ProcessMemory.kib(ROLLUP, "Pss_Anon:"));
        IOException missing = assertThrows(IOException.class, () -> ProcessMemory.kib(ROLLUP, "VmRSS:"));
        assertEquals("no 'VmRSS: N kB' line", missing.getMessage());
    }

    @Test
    void aChildsProportionalShareIsBelowItsResidentSizeAndSumsAddUp() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessMemory.Footprint one = ProcessMemory.of(child.pid());
            assertTrue(one.rssMb() > 0 && one.pssMb() > 0 && one.pssMb() <= one.rssMb(), one::toString);
            ProcessMemory.Footprint two = ProcessMemory.sum(List.of(child.pid(), ProcessHandle.current().pid()));
            assertTrue(two.rssMb() > one.rssMb() && two.pssMb() > one.pssMb(), two::toString);
        } finally {
            child.destroyForcibly().waitFor();
        }
        IOException gone = assertThrows(IOException.class, () -> ProcessMemory.of(child.pid()));
        assertTrue(gone.getMessage().contains("has process " + child.pid() + " exited?"), gone.getMessage());
    }
}
