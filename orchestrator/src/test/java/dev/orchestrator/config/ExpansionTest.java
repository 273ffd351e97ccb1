package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python %-formatting with supervisord's names and error texts (supervisord's supervisor/options.py {@code expand} and its callers). */
class ExpansionTest {

    private static final Map<String, Object> NAMES = Map.of("program_name", "cat", "process_num", 7,
            "numprocs", 12, "here", "/etc/o", "ENV_HOME", "/home/u");

    private static String expand(String template) throws InvalidValueException {
        return Expander.expand(template, NAMES, "process_name");
    }

    @Test
    void namesAndConversions() throws Exception {
        assertEquals("cat-7", expand("%(program_name)s-%(process_num)d"));
        assertEquals("07", expand("%(process_num)02d"));
        assertEquals("  7", expand("%(process_num)3d"));
        assertEquals("7  |", expand("%(process_num)-3d|"));
        assertEquals("007", expand("%(process_num).3d"));
        assertEquals("+7", expand("%(process_num)+d"));
        assertEquals("7", expand("%(process_num)s"));
        assertEquals("c", expand("%(program_name).1s"));
        assertEquals("  cat", expand("%(program_name)5s"));
        assertEquals("  cat", expand("%(program_name)05s"));
        assertEquals("'cat'", expand("%(program_name)r"));
        assertEquals("c", Expander.expand("%(n)x", Map.of("n", 12), "o"));
        assertEquals("0xc", Expander.expand("%(n)#x", Map.of("n", 12), "o"));
        assertEquals("C", Expander.expand("%(n)X", Map.of("n", 12), "o"));
        assertEquals("12.50", Expander.expand("%(n).2f", Map.of("n", 12.5), "o"));
        assertEquals("/home/u/x 12", expand("%(ENV_HOME)s/x %(numprocs)d"));
    }

    @Test
    void doublePercentIsALiteralPercent() throws Exception {
        assertEquals("some_value_%_end", expand("some_value_%%_end"));
        assertEquals("100% cat", expand("100%% %(program_name)s"));
    }

    @Test
    void missingNameHasSupervisordsText() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> expand("%(foo)s"));
        assertEquals("Format string '%(foo)s' for 'process_name' contains names ('foo') which cannot be expanded."
                + " Available names: ENV_..., here, numprocs, process_num, program_name (expected one of these names,"
                + " or %% for a literal %)", e.getMessage());
    }

    @Test
    void badlyFormatted() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> expand("%(program_name)"));
        assertEquals("Format string '%(program_name)' for 'process_name' is badly formatted: incomplete format"
                + " (expected %(name)s, %(name)d, %(name)02d... or %% for a literal %)", e.getMessage());
        assertThrows(InvalidValueException.class, () -> expand("%(program_name)d"));
        assertThrows(InvalidValueException.class, () -> expand("50%"));
        assertEquals("Format string '%(program_name)q' for 'process_name' is badly formatted: unsupported format"
                + " character 'q' (0x71) at index 15 (expected %(name)s, %(name)d, %(name)02d... or %% for a literal %)",
                assertThrows(InvalidValueException.class, () -> expand("%(program_name)q")).getMessage());
        assertThrows(InvalidValueException.class, () -> expand("%q"));
        assertThrows(InvalidValueException.class, () -> expand("%(program_name"));
    }
}
