package dev.orchestrator.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.SupervisordSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main log: supervisord's line format and level names, its loglevel, its rotation settings. */
class LogSystemTest {

    @TempDir
    Path dir;

    @Test
    void mainLogHasSupervisordsFormatLevelNamesAndRotation() throws Exception {
        Path main = dir.resolve("supervisord.log");
        try (LogSystem ignored = LogSystem.start(new SupervisordSettings(main, 1024, 1, "debug", null, dir, dir, null),
                false)) {
            Logger log = LogManager.getLogger(LogSystem.MAIN_LOGGER);
            log.fatal("critical line");
            log.error("error line");
            log.debug("debug line");
            log.trace("trace line");
            List<String> lines = Files.readAllLines(main);
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} CRIT critical line"), lines.get(0));
            assertTrue(lines.get(1).endsWith(" ERRO error line"));
            assertTrue(lines.get(2).endsWith(" DEBG debug line"));
            for (int i = 0; i < 40; i++) log.info("filler line number {} to pass the maximum size", i);
        }
        assertTrue(Files.exists(dir.resolve("supervisord.log.1")));
        assertFalse(Files.exists(dir.resolve("supervisord.log.2")));
    }

    @Test
    void supervisordLevelNamesMapToLog4jLevels() {
        assertEquals("FATAL", LogSystem.level("critical").name());
        assertEquals("WARN", LogSystem.level("WARN").name());
        assertEquals("TRACE", LogSystem.level("blather").name());
        assertEquals("INFO", LogSystem.level(null).name());
    }

    @Test
    void linesOfThreadsOfNoProcessReachTheMainLogAtItsLevel() throws Exception {
        Path main = dir.resolve("quiet.log");
        try (LogSystem ignored = LogSystem.start(new SupervisordSettings(main, 0, 0, "warn", null, dir, dir, null),
                false)) {
            LogManager.getLogger("dev.orchestrator.control.server.ControlServer").info("control socket listening");
            LogManager.getLogger("com.rabbitmq.client").warn("connection lost");
        }
        List<String> lines = Files.readAllLines(main);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" WARN connection lost"));
    }
}
