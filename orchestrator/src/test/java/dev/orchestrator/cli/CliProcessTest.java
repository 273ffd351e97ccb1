package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/orchestrator as a user runs it, each command its own JVM: {@code start -d --all} brings a real daemon up from
 * nothing (dynamic engines on an embedded broker), {@code status}, {@code tail}, then {@code shutdown} takes it down
 * and removes its socket and pidfile.
 */
class CliProcessTest {

    private static final Path LAUNCHER = Path.of("bin/orchestrator").toAbsolutePath();

    @TempDir
    Path dir;

    TestBroker broker;
    Path config;

    record Run(int status, String out, String err, long millis) {}

    @BeforeEach
    void setUp() {
        broker = TestBrokers.embedded();
        config = ControlHarness.writeConfig(dir, String.join("\n",
                "[program:engine-first]",
                "command=engine-launcher -e dynamic -n first -w %(process_num)d -l info",
                "process_name=%(program_name)s-%(process_num)d",
                "numprocs=2",
                "startsecs=0",
                "stdout_logfile=%(here)s/../logs/first.log",
                "stderr_logfile=%(here)s/../logs/first.log",
                "[engine:first]",
                ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        Path pidfile = dir.resolve("run/orchestrator.pid");
        if (Files.exists(pidfile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidfile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
        broker.close();
    }

    private Run orchestrator(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), args[0], "-c", config.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put(AmqpSettings.URI_ENV, broker.uri());
        long start = System.nanoTime();
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "orchestrator " + String.join(" ", args) + " ended");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")), millis);
    }

    @Test
    void startFromNothingStatusTailShutdown() throws Exception {
        Path socket = dir.resolve("run/orchestrator.sock");
        Run none = orchestrator("status");
        assertEquals(new Run(4, "", "unix://" + socket + " no such file\n", none.millis()), none);

        Run start = orchestrator("start", "-d", "--all");
        assertEquals(0, start.status(), start.toString());
        assertTrue(Files.exists(socket));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(socket)));

        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator("status").status() == 0);
        Run status = orchestrator("status");
        assertEquals(2, status.out().lines().filter(l -> l.matches("engine-first:engine-first-[01] +RUNNING +pid \\d+, uptime .*")).count(),
                status.out());
        System.out.println("orchestrator status as a process: " + status.millis() + " ms");

        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator("tail", "engine-first-1").out().contains("Start Engine first worker 1"));

        Run shutdown = orchestrator("shutdown");
        assertEquals(0, shutdown.status(), shutdown.toString());
        assertEquals("Shut down\n", shutdown.out());
        assertFalse(Files.exists(socket), "no socket left");
        assertFalse(Files.exists(dir.resolve("run/orchestrator.pid")), "no pidfile left");
        assertEquals(4, orchestrator("status").status());
    }

    @Test
    void startDaemonWithABrokenConfigurationSaysWhy() throws Exception {
        Files.writeString(config, Files.readString(config) + "[program:broken]\nautostart=false\n");
        Run start = orchestrator("start", "-d", "--all");
        assertEquals(7, start.status(), start.toString());
        assertTrue(start.err().contains("program section program:broken does not specify a command"), start.err());
        assertTrue(start.err().contains("Error: the daemon exited with status 2"), start.err());
        assertFalse(Files.exists(dir.resolve("run/orchestrator.sock")));
    }
}
