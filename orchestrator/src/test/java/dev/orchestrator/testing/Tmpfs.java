package dev.orchestrator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A small tmpfs mounted on a test's directory, for a disk that fills up or a read-only file system. It needs root
 * (CI runs as root): without it the test fails with mount's reason, it is never skipped.
 */
public final class Tmpfs implements AutoCloseable {

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=64k}, {@code ro,size=16k}) on the existing {@code dir}. */
    public static Tmpfs mount(Path dir, String options) {
        run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        return new Tmpfs(dir);
    }

    /** Unmounts (lazily: a file still open there does not keep it). */
    @Override
    public void close() {
        run("umount", "--lazy", dir.toString());
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", List.of(command)) + " failed: " + output
                        + " (the test needs root)");
            }
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command[0] + " interrupted", e);
        }
    }
}
