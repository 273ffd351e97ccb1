package dev.orchestrator.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Home;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.runtime.ErrorQueue;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.PluginJars;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                    + broker.uri() + " --journal " + dir.resolve(".inhand") + " -e dynamic -n iso -w 0 -l INFO "),
                    cmdline);
            daemon.supervisor().stopProcess("iso", "iso", true);
            assertEquals(ProcessState.STOPPED, daemon.supervisor().processInfo("iso", "iso").state());
            assertTrue(!jvm.isAlive());
        }
    }

    /**
     * Issue 16: {@code Runtime.halt} in a task ended the daemon without a trace, and no hook can intercept it. The
     * supported way is {@code isolation=process}: here the task halts its own JVM (status 7) on an event; the daemon
     * reports the exit and restarts the engine, the thread engine beside it keeps forwarding, and the event, found in
     * hand in the shared in-hand journal, goes to the error queue past max_retries (0) instead of halting the next
     * JVM too. While it runs, the child's open descriptors and threads are in its counters.
     */
    @Test
    void anIsolatedEngineThatHaltsTakesNeitherTheDaemonNorItsEventDown() throws Exception {
        Path home = dir.resolve("home");
        PluginJars.library(dir, Files.createDirectories(home.resolve("plugins")).resolve("halt.jar"),
                Map.of("Library", HALTING), Set.of());
        Path main = dir.resolve("supervisord.conf");
        Files.writeString(main, "[unix_http_server]\nfile=%(here)s/o.sock\n[supervisord]\nlogfile=%(here)s/main.log\n"
                + "childlogdir=%(here)s\n[program:iso]\ncommand=engine-launcher -e dynamic -n iso -w 0 -l info\n"
                + "isolation=process\nstartsecs=1\nautorestart=true\nstdout_logfile=%(here)s/iso.log\n"
                + "redirect_stderr=true\n[program:healthy]\ncommand=engine-launcher -e dynamic -n healthy -w 0 -l info\n"
                + "startsecs=0\n[engine:iso]\nevent_processing=halt.task\nmax_retries=0\n[engine:healthy]\n");
        String homeBefore = System.getProperty(Home.PROPERTY);
        System.setProperty(Home.PROPERTY, home.toString()); // the child JVM finds its plugins there
        try (TestBroker broker = TestBrokers.rabbitVhost();
             Daemon daemon = Daemon.start(ConfigLoader.load(main), new Daemon.Options(broker.uri(), 0, false),
                     (c, amqp) -> new EngineWorkerFactory(() -> c.get().engines(), amqp, TaskRegistries.discover(null))
                             .journalIn(() -> dir.resolve(".inhand")));
             AmqpProbe probe = new AmqpProbe(broker.uri())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> info(daemon, "iso").state() == ProcessState.RUNNING
                    && Files.readString(dir.resolve("iso.log")).contains(" + Ready!")
                    && info(daemon, "healthy").state() == ProcessState.RUNNING);
            ProcessInfo first = info(daemon, "iso");
            assertNull(first.counters().get("fds"), "counted only where shown");
            Map<String, Object> live = daemon.supervisor().liveProcessInfo().stream()
                    .filter(p -> p.name().equals("iso")).findFirst().orElseThrow().counters();
            assertTrue(((Number) live.get("fds")).intValue() > 3, live::toString);
            assertTrue(((Number) live.get("threads")).intValue() > 5, live::toString);
            List<AmqpProbe.Message> errors = probe.collect("Engine_iso.errors");

            probe.publish("", "Engine_iso", JsonNodeFactory.instance.objectNode().put("halt", true));
            probe.confirmed();
            await().atMost(Duration.ofSeconds(60)).until(() -> errors.size() == 1);
            assertTrue(errors.get(0).header(ErrorQueue.REASON).startsWith("in hand at 1 deaths of its worker or of the"
                    + " daemon, more than max_retries (0)"), errors.get(0).headers()::toString);
            assertTrue(Files.readString(dir.resolve("main.log")).contains("exited: iso (exit status 7; not expected)"));
            await().atMost(Duration.ofSeconds(60)).until(() -> info(daemon, "iso").state() == ProcessState.RUNNING);
            assertTrue(info(daemon, "iso").pid() != first.pid());
            for (int i = 0; i < 50; i++) probe.publish("", "Engine_healthy", JsonNodeFactory.instance.objectNode());
            probe.confirmed();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    ((Number) info(daemon, "healthy").counters().get("events_in")).intValue() == 50);
        } finally {
            if (homeBefore == null) System.clearProperty(Home.PROPERTY);
            else System.setProperty(Home.PROPERTY, homeBefore);
        }
    }

    private static ProcessInfo info(Daemon daemon, String name) throws Fault {
        return daemon.supervisor().processInfo(name, name);
    }

    private static final String HALTING = """
            package demo;

            import com.fasterxml.jackson.databind.node.ObjectNode;
            import dev.orchestrator.api.EngineContext;
            import dev.orchestrator.api.Task;
            import dev.orchestrator.api.TaskLibrary;
            import java.util.Map;
            import org.apache.logging.log4j.Logger;

            public final class Library implements TaskLibrary {
                @Task("halt.task")
                public static ObjectNode halt(EngineContext engine, ObjectNode event, Logger logger,
                        Map<String, String> params) {
                    if (event.path("halt").asBoolean()) Runtime.getRuntime().halt(7);
                    return event;
                }
            }
            """;
}
