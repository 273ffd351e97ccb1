package dev.orchestrator.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit a run measured, as {@code git} names it in the build tree: its short id, with {@code +changes} when
 * files other than the bench's own outputs (logs/, the README it rewrites) differ from it; "unknown" without git.
 */
final class SourceCommit {

    private SourceCommit() { }

    static String of(Path tree) throws InterruptedException {
        String id = git(tree, "rev-parse", "--short", "HEAD");
        if (id.isEmpty()) return "unknown";
        String changes = git(tree, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!README.md", ":!logs");
        return changes.isEmpty() ? id : id + "+changes";
    }

    private static String git(Path tree, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", tree.toString()));
        command.addAll(List.of(args));
        return CommandOutput.of(command).orElse("");
    }
}
