package dev.orchestrator.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads by offset as supervisord's tailProcessStdoutLog (supervisor/options.py tailFile). */
class LogWindowTest {

    @TempDir
    Path dir;

    @Test
    void followsAFileByOffsetsSkippingWhatOverflowsAndRestartingAfterRotation() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "0123456789");
        assertEquals(new LogWindow.Chunk("6789", 10, false), LogWindow.tail(log, null, 4), "no offset: the last bytes");
        assertEquals(new LogWindow.Chunk("", 10, false), LogWindow.tail(log, 10L, 4), "nothing new");
        Files.writeString(log, "abcdefgh", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(new LogWindow.Chunk("efgh", 18, true), LogWindow.tail(log, 10L, 4), "grew past offset + length");
        assertEquals(new LogWindow.Chunk("cdefgh", 18, false), LogWindow.tail(log, 12L, 100));
        Files.writeString(log, "new");
        assertEquals(new LogWindow.Chunk("new", 3, false), LogWindow.tail(log, 18L, 100), "shrank: read from the start");
        Files.write(log, new byte[] {'a', (byte) 0xc3});
        assertEquals("a\uFFFD", LogWindow.tail(log, 0L, 100).data(), "a character cut at the end");
        assertEquals(new LogWindow.Chunk("", 0, false), LogWindow.tail(dir.resolve("missing.log"), null, 10));
    }
}
