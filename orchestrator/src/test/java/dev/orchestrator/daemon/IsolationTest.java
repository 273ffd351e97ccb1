package dev.orchestrator.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isolation=process}: a Java engine in a child JVM of its own, under the same supervision and logs. */
class IsolationTest {

    @TempDir
    Path dir;

    @Test
    void anIsolatedEngineRunsAsOrchestratorLaunchInItsOwnJvm() throws Exception {
        Path main = dir.resolve("supervisord.conf");
        Files.writeString(main, "[unix_http_server]\nfile=%(here)s/o.sock\n[supervisord]\nlogfile=%(here)s/main.log\n"
                + "pidfile=%(here)s/d.pid\nchildlogdir=%(here)s\n[program:iso]\n"
                + "command=engine-launcher -e dynamic -n iso -w 0 -l info\nisolation=process\nstartsecs=1\n"
                + "stopwaitsecs=20\nstdout_logfile=%(here)s/iso.log\nredirect_stderr=true\n");
        Files.writeString(dir.resolve("amqp2engines.conf"), "[engine:iso]\n");
        Configuration configuration = ConfigLoader.load(main);
        try (TestBroker broker = TestBrokers.rabbitVhost();
             Daemon daemon = Daemon.start(configuration, new Daemon.Options(broker.uri(), 0, false),
                     (c, amqp) -> p -> {
                         throw new SpawnException("no thread here: iso must run in its own JVM");
                     })) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    daemon.supervisor().processInfo("iso", "iso").state() == ProcessState.RUNNING
                    && Files.readString(dir.resolve("iso.log")).contains(" + Ready!"));
            ProcessInfo running = daemon.supervisor().processInfo("iso", "iso");
            ProcessHandle jvm = ProcessHandle.of(running.pid()).orElseThrow();
            assertTrue(jvm.info().command().orElse("").endsWith("java"), jvm.info().command()::toString);
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + jvm.pid() + "/cmdline"))).replace('\0', ' ');
            assertTrue(cmdline.endsWith(" dev.orchestrator.cli.Main launch --config " + main + " --amqp-uri "
                    + broker.uri() + " -e dynamic -n iso -w 0 -l INFO "), cmdline);
            daemon.supervisor().stopProcess("iso", "iso", true);
            assertEquals(ProcessState.STOPPED, daemon.supervisor().processInfo("iso", "iso").state());
            assertTrue(!jvm.isAlive());
        }
    }
}
