package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.testing.Supervisorctl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same configuration (child processes running {@code sleep}) under the real supervisord and under the daemon,
 * the same supervisorctl commands against each: the same lines (pids and uptimes aside, a group's lines sorted)
 * and the same exit statuses.
 */
class SupervisordComparisonTest {

    private static final String CONFIG = Supervisorctl.SERVER + """
            [program:solo]
            command=sleep 1000
            startsecs=0
            [program:c]
            command=sleep 1000
            process_name=c-%(process_num)d
            numprocs=2
            startsecs=0
            [program:manual]
            command=sleep 1000
            autostart=false
            startsecs=0
            """;

    private static final List<List<String>> COMMANDS = List.of(List.of("status"), List.of("stop", "solo"),
            List.of("status", "solo"), List.of("start", "solo"), List.of("start", "solo"), List.of("stop", "c:*"),
            List.of("start", "c:*"), List.of("restart", "c:c-0"), List.of("stop", "manual"), List.of("status", "nope"),
            List.of("start", "nope"), List.of("stop", "nope:*"), List.of("pid", "manual"), List.of("avail"),
            List.of("reread"), List.of("clear", "solo"), List.of("tail", "manual"), List.of("signal", "HUP", "manual"),
            List.of("signal", "BOGUS", "solo"), List.of("stop", "all"), List.of("start", "all"), List.of("status"));

    @TempDir
    Path dir;

    @Test
    void supervisorctlSaysTheSameToBoth() throws Exception {
        Path theirs = write(dir.resolve("supervisord"));
        Path ours = write(dir.resolve("orchestrator"));
        Process supervisord = new ProcessBuilder("/usr/bin/supervisord", "-n", "-c", theirs.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("supervisord.out").toFile()).start();
        try (Daemon daemon = Daemon.start(ConfigLoader.load(ours),
                new Daemon.Options("amqp://guest:guest@127.0.0.1:5672/", 0, false),
                (c, a) -> p -> { throw new AssertionError("no worker thread here"); })) {
            List<String> expected = run(theirs);
            List<String> actual = run(ours);
            assertEquals(expected, actual);
        } finally {
            supervisord.destroy();
            supervisord.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Path write(Path home) throws Exception {
        Files.createDirectories(home);
        return Files.writeString(home.resolve("supervisord.conf"), CONFIG);
    }

    /** Each command's exit status and normalised lines, once every autostarted process runs. */
    private static List<String> run(Path mainFile) throws Exception {
        Supervisorctl ctl = new Supervisorctl(mainFile);
        await().atMost(Duration.ofSeconds(30)).until(() -> ctl.run("status").out().lines()
                .filter(l -> l.contains("RUNNING")).count() == 3);
        List<String> seen = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            Supervisorctl.Run r = ctl.run(command.toArray(String[]::new));
            List<String> lines = r.lines().stream()
                    .map(l -> l.replaceAll("pid \\d+, uptime \\d+:\\d\\d:\\d\\d", "pid N, uptime T"))
                    .map(l -> l.replaceAll("\\S+ \\d\\d \\d\\d:\\d\\d [AP]M", "DATE"))
                    .sorted().toList();
            seen.add(String.join(" ", command) + " -> " + r.status() + " " + lines);
        }
        return seen;
    }
}
