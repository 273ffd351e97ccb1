package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configurations found by the chaos configuration fuzz (chaos module, scenario 7) that made the loader throw or
 * hang: each must load into problems instead.
 */
class FuzzFindingsTest {

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void nulCharacterInAPathIsAnErrorOnItsLine() {
        ConfigTree tree = new ConfigTree(tmp);
        Configuration c = tree.single("[supervisord]\npidfile=/tmp/x\u0000y.pid\n[unix_http_server]\nfile=a\u0000b\n");
        List<Problem> errors = c.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertEquals(List.of(2, 4), errors.stream().map(p -> p.source().line()).toList(), errors::toString);
        assertTrue(errors.get(0).message().startsWith("a NUL character"), errors::toString);
    }

    @Test
    void unclosedBracketInAnIncludeMatchesNothing() {
        Configuration c = new ConfigTree(tmp).single("[include]\nfiles=[ engines/*.ini\n");
        assertTrue(ConfigTree.messages(c, Problem.Severity.WARNING).stream()
                .anyMatch(m -> m.startsWith("No file matches via include")), c.problems()::toString);
    }

    @Test
    void includeOfAHugeFileIsAnErrorNotAnEndlessRead() throws java.io.IOException {
        ConfigTree tree = new ConfigTree(tmp);
        try (var out = java.nio.file.Files.newOutputStream(tree.path("huge.ini"))) {
            byte[] line = "; a comment line of a file that is far too big\n".getBytes();
            for (int written = 0; written <= IniReader.MAX_BYTES; written += line.length) out.write(line);
        }
        Configuration c = tree.single("[include]\nfiles=../huge.ini\n");
        assertTrue(ConfigTree.errors(c).stream().anyMatch(m -> m.contains("larger than 4 MiB")), c.problems()::toString);
    }

    @Test
    void hugeWidthIsABadFormatNotAnOverflow() {
        for (String width : List.of("99999999999", "999999999")) {
            ProcessConfig p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new ConfigTree(tmp).process("process_name=x-%(process_num)" + width + "d\n"));
            assertEquals("x", p.program());
        }
        Configuration c = new ConfigTree(tmp).single("[engine:x]\n[program:x]\n"
                + "command=engine-launcher -e dynamic -n x -w 0\nprocess_name=x-%(process_num).99999999999d\n");
        assertTrue(ConfigTree.errors(c).stream().anyMatch(m -> m.contains("process_name")), c.problems()::toString);
    }
}
