package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator launch} as an operator runs it: a JVM of its own, events in the debug log, SIGTERM stops it. */
class LaunchCommandTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @TempDir
    Path home;

    private Process launch(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorchestrator.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "launch"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void runsOneWorkerLogsEachEventAtDebugAndStopsCleanlyOnSigterm() throws Exception {
        String uri = BROKERS.uri(BrokerKind.EMBEDDED);
        Path output = home.resolve("launch.out");
        Process process = launch(output, "-e", "dynamic", "-n", "launched", "-w", "2", "-l", "debug", "--amqp-uri", uri);
        try (AmqpProbe probe = new AmqpProbe(uri)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.consumers("Engine_launched") == 1);
            for (int i = 0; i < 5; i++) {
                probe.publish("amq.direct", "Engine_launched", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            probe.confirmed();
            await().atMost(Duration.ofSeconds(20)).until(() -> read(output).contains("event Engine_launched: {\"n\":4}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.ready("Engine_launched") == 0);
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "launch did not stop on SIGTERM");
            String log = read(output);
            assertTrue(log.contains("INFO engine.launched [worker 2] Start Engine launched worker 2 on amqp://guest:***@"), log);
            // Canopsis' own lines (scripts/engine-launcher load_engine_config, engines/core.py __init__ and run)
            assertTrue(log.contains("INFO engine.launched [worker 2] Configuration loaded"), log);
            assertTrue(log.contains("INFO engine.launched [worker 2] Engine initialized"), log);
            assertTrue(log.contains("INFO engine.launched [worker 2] Start Engine with pid " + process.pid()), log);
            assertTrue(log.contains("INFO engine.launched [worker 2] Stop Engine"), log);
            assertTrue(log.contains("INFO engine.launched [worker 2] End of Engine"), log);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.consumers("Engine_launched") == 0);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Runs launch to its end; returns the exit status and leaves the output in {@code output}. */
    private int exit(Path output, String type) throws Exception {
        Process process = launch(output, "-e", type, "-n", "x", "-w", "0", "--amqp-uri", "amqp://guest:guest@127.0.0.1:1/");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() throws Exception {
        Path output = home.resolve("bad.out");
        assertEquals(2, exit(output, "dynamik"));
        assertEquals("launch: unknown engine type 'dynamik' for engine x (nearest: dynamic)\n", read(output));
    }

    @Test
    void anUnreachableBrokerExitsOne() throws Exception {
        Path output = home.resolve("down.out");
        assertEquals(1, exit(output, "dynamic"));
        assertTrue(read(output).endsWith("launch: cannot connect to amqp://guest:***@127.0.0.1:1/: Connection refused\n"),
                read(output));
    }
}
