package dev.orchestrator.engines.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {

    @TempDir
    Path dir;

    @Test
    void appendsLinesAndRotatesBySizeKeepingTheBackups() throws Exception {
        Path path = dir.resolve("events.jsonl");
        String line = "{\"n\":" + "1".repeat(90) + "}"; // 97 bytes with the newline
        try (JsonLinesFile file = new JsonLinesFile(path, 1000, 2)) {
            for (int i = 0; i < 35; i++) file.append(line);
        }
        assertTrue(Files.exists(path.resolveSibling("events.jsonl.1")));
        assertTrue(Files.exists(path.resolveSibling("events.jsonl.2")));
        assertFalse(Files.exists(path.resolveSibling("events.jsonl.3")));
        for (String name : List.of("events.jsonl", "events.jsonl.1", "events.jsonl.2")) {
            List<String> lines = Files.readAllLines(path.resolveSibling(name));
            assertTrue(lines.stream().allMatch(line::equals), name);
            assertTrue(Files.size(path.resolveSibling(name)) <= 1000 + 97, name);
        }
    }

    @Test
    void reopeningAppends() throws Exception {
        Path path = dir.resolve("events.jsonl");
        try (JsonLinesFile file = new JsonLinesFile(path, 0, 0)) {
            file.append("{\"a\":1}");
        }
        try (JsonLinesFile file = new JsonLinesFile(path, 0, 0)) {
            file.append("{\"a\":2}");
        }
        assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), Files.readAllLines(path));
    }
}
