package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator daemon} end to end: a real daemon JVM running dynamic engines on its embedded broker. */
class DaemonCommandTest {

    @TempDir
    Path dir;

    private String read(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    void runsEnginesOnTheEmbeddedBrokerAndStopsThemOnSigterm() throws Exception {
        Path config = dir.resolve("supervisord.conf");
        Files.writeString(config, String.join("\n",
                "[unix_http_server]",
                "file=%(here)s/orchestrator.sock",
                "[supervisord]",
                "logfile=%(here)s/supervisord.log",
                "pidfile=%(here)s/supervisord.pid",
                "[program:first]",
                "command=engine-launcher -e dynamic -n first -w %(process_num)d -l info",
                "process_name=engine-%(program_name)s-%(process_num)d",
                "numprocs=2",
                "stdout_logfile=%(here)s/first.log",
                "stderr_logfile=%(here)s/first.log",
                "[program:second]",
                "command=engine-launcher -e dynamic -n second -w 0 -l info",
                "stdout_logfile=%(here)s/second.log",
                "stderr_logfile=%(here)s/second.log",
                "[engine:first]",
                "next=second",
                "acknowledge_on=canopsis.events",
                "[engine:second]",
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "daemon", "-c", config.toString(), "--broker-port", "0", "--silent")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> read("supervisord.log").contains(
                    "success: second entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)")
                    && read("supervisord.log").contains("success: engine-first-1 entered RUNNING state"));
            await().atMost(Duration.ofSeconds(10)).until(() -> read("first.log").contains(" + Ready!"));
            daemon.destroy(); // SIGTERM
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon ended");
            assertEquals(0, daemon.exitValue(), read("daemon.out"));
        } finally {
            daemon.destroyForcibly();
        }
        assertFalse(Files.exists(dir.resolve("supervisord.pid")));
        String main = read("supervisord.log");
        for (String line : List.of("INFO spawned: 'engine-first-0' with pid", "WARN received SIGTERM indicating exit request", "stopped: engine-first-0 (exit status 0)",
                "stopped: engine-first-1 (exit status 0)", "stopped: second (exit status 0)")) {
            assertTrue(main.contains(line), line + " in\n" + main);
        }
        assertTrue(main.indexOf("stopped: second") < main.indexOf("stopped: engine-first-0"),
                "first (program:first sorts before program:second, same priority) stops after second");
        assertFalse(read("daemon.out").contains("spawned:"), "--silent: the main log is not copied to stdout");
        String first = read("first.log");
        // both workers write to the engine's one file, Canopsis' logger name (the engine's), each line its worker
        assertTrue(first.contains(" INFO engine.first [worker 0] Start Engine first worker 0"), first);
        assertTrue(first.contains(" INFO engine.first [worker 1] Start Engine first worker 1"), first);
        // scripts/engine-launcher load_engine_config: a key that is not typed, then the configuration is loaded
        assertTrue(first.contains(" WARNING engine.first [worker 1] Unknown parameter \"acknowledge_on\", assuming it's"
                + " a string"), first);
        assertTrue(first.indexOf("Unknown parameter") < first.indexOf(" INFO engine.first [worker 0] Configuration loaded"),
                first);
        assertFalse(first.contains("engine.second"), first);
    }
}
