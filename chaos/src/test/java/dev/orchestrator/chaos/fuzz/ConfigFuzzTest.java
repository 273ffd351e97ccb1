package dev.orchestrator.chaos.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7, the quick share of it: a few dozen mutated copies of the shipped etc/ through {@code orchestrator check}
 * ({@code make chaos} runs thousands). Each gives exit 0 or exit 2 with a message, no stack trace, no hang.
 */
class ConfigFuzzTest {

    private static final Path ETC = Path.of("..", "etc").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void mutatedConfigurationsGiveExitZeroOrTwoWithAMessage() throws Exception {
        ConfigFuzz.Report report = new ConfigFuzz(ETC, work, 10_000).run(40, System.nanoTime());
        assertEquals(List.of(), report.defects());
        assertEquals(40, report.valid() + report.rejected());
        assertTrue(report.rejected() > 0, "the mutations should break some configurations: " + report);
    }
}
