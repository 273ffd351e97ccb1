package dev.orchestrator.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped systemd unit ({@code etc/orchestrator.service.in}), rendered as {@code make install} renders it
 * (@PREFIX@ replaced) into an installation whose {@code bin/orchestrator} is this checkout's launcher, passes
 * {@code systemd-analyze verify} without a word; a broken copy does not. CI installs systemd for the tool
 * ({@code .ci/run}); without it this test fails rather than skips.
 */
class SystemdUnitTest {

    static final Path TEMPLATE = Path.of("..", "etc", "orchestrator.service.in").toAbsolutePath().normalize();
    static final Path LAUNCHER = Path.of("bin", "orchestrator").toAbsolutePath();

    @TempDir
    Path prefix;

    private Path render(String unit, String name) throws IOException {
        Files.createDirectories(prefix.resolve("bin"));
        if (!Files.exists(prefix.resolve("bin/orchestrator"))) {
            Files.createSymbolicLink(prefix.resolve("bin/orchestrator"), LAUNCHER);
        }
        Path file = prefix.resolve(name);
        Files.writeString(file, unit.replace("@PREFIX@", prefix.toString()));
        return file;
    }

    private record Verdict(int status, String output) {}

    private static Verdict verify(Path unit) throws Exception {
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify ended");
        return new Verdict(p.exitValue(), output);
    }

    @Test
    void theShippedUnitRunsTheDaemonInTheForegroundAndVerifiesCleanly() throws Exception {
        String template = Files.readString(TEMPLATE);
        List<String> lines = template.lines().toList();
        assertTrue(lines.contains("ExecStart=@PREFIX@/bin/orchestrator daemon"), template);
        assertTrue(lines.contains("ExecReload=@PREFIX@/bin/orchestrator reload"), template);
        assertTrue(lines.contains("ExecStop=@PREFIX@/bin/orchestrator shutdown"), template);
        assertTrue(lines.contains("Restart=on-failure"), template);
        Verdict shipped = verify(render(template, "orchestrator.service"));
        assertEquals(new Verdict(0, ""), shipped);

        Verdict broken = verify(render(template.replace("Restart=on-failure", "Restart=sometimes"), "broken.service"));
        assertTrue(broken.output().contains("Failed to parse service restart specifier"), broken.output());
    }
}
