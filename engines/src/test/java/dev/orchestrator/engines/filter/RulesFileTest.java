package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    private static final Logger LOG = LogManager.getLogger(RulesFileTest.class);
    private static final String ONE_RULE = "[" + rule("a", "x") + "]";
    private static final String TWO_RULES = "[" + rule("a", "x") + ", " + rule("b", "y") + "]";

    /** A drop rule as the original stored it. */
    private static String rule(String name, String connector) {
        return "{\"crecord_type\": \"filter\", \"enable\": true, \"name\": \"" + name + "\", \"mfilter\": {\"connector\": \""
                + connector + "\"}, \"actions\": [{\"type\": \"drop\"}]}";
    }

    @TempDir
    Path dir;

    /** Writes the file with a modification time of its own, so that a change is seen whatever the clock's resolution. */
    private static void write(Path file, String text, long second) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    }

    @Test
    void aChangedFileIsReadAgainAndABadOneKeepsTheLastGoodRules() throws Exception {
        Path path = dir.resolve("rules.json");
        write(path, ONE_RULE, 1);
        RulesFile file = new RulesFile(path, LOG);
        assertEquals(1, file.rules().size());

        write(path, TWO_RULES, 2);
        file.refresh(LOG);
        assertEquals(2, file.rules().size());

        write(path, "[{\"name\": \"broken\", ", 3);
        file.refresh(LOG);
        assertEquals(2, file.rules().size());

        Files.delete(path);
        file.refresh(LOG);
        assertEquals(2, file.rules().size());

        write(path, ONE_RULE, 4);
        file.refresh(LOG);
        assertEquals(1, file.rules().size());
    }

    @Test
    void aBadFileAtStartIsOneLineNamingTheFileAndThePlace() throws Exception {
        Path path = dir.resolve("rules.json");
        assertEquals(path + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> new RulesFile(path, LOG)).getMessage());
        write(path, "[\n{\"name\": \"a\",\n \"mfilter\": }]", 1);
        assertEquals(path + ":3: not valid JSON: Unexpected character ('}' (code 125)): expected a value",
                assertThrows(IllegalArgumentException.class, () -> new RulesFile(path, LOG)).getMessage());
        write(path, "{\"name\": \"a\"}", 2);
        assertEquals(path + ": expected a JSON array of rules, got object {\"name\":\"a\"}",
                assertThrows(IllegalArgumentException.class, () -> new RulesFile(path, LOG)).getMessage());
    }

    @Test
    void aBadRuleIsSkippedAndTheOthersLoad() throws Exception {
        Path path = dir.resolve("rules.json");
        write(path, "[{\"crecord_type\": \"filter\", \"enable\": true, \"name\": \"a\","
                + " \"mfilter\": {\"connector\": {\"$regex\": \"(\"}}}, " + TWO_RULES.substring(1), 1);
        RulesFile file = new RulesFile(path, LOG);
        assertEquals(2, file.rules().size());
        assertEquals(List.of("rule #1 'a': field 'connector': $regex '(' is not a valid regular expression:"
                + " Unclosed group; rule skipped"), file.rules().warnings());
    }
}
