package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit named in bench.json and the README caption: its id, "+changes" for edits other than the bench's outputs. */
class SourceCommitTest {

    @TempDir
    Path tree;

    private String git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = tree.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, git.waitFor(), output);
        return output;
    }

    @Test
    void namesTheCommitAndWhetherTheTreeDiffersFromIt() throws Exception {
        assertEquals("unknown", SourceCommit.of(tree));
        git("init", "-q");
        Files.writeString(tree.resolve("README.md"), "table\n");
        Files.createDirectories(tree.resolve("logs"));
        Files.writeString(tree.resolve("logs/kept"), "x\n");
        Files.writeString(tree.resolve("Main.java"), "class Main {}\n");
        git("add", ".");
        git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "first");
        String id = git("rev-parse", "--short", "HEAD");

        assertEquals(id, SourceCommit.of(tree));
        Files.writeString(tree.resolve("README.md"), "table of this run\n");
        Files.writeString(tree.resolve("logs/kept"), "y\n");
        Files.writeString(tree.resolve("untracked.txt"), "z\n");
        assertEquals(id, SourceCommit.of(tree), "the bench's own outputs and untracked files are not changes");
        Files.writeString(tree.resolve("Main.java"), "class Main { int changed; }\n");
        assertEquals(id + "+changes", SourceCommit.of(tree));
    }
}
