package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.testing.PluginJars;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a plugin jar whose library constructor threw kept the daemon from starting, for every engine. With a
 * corrupt jar, a throwing library and one missing a class in plugins/, the daemon starts with the CLI's own workers
 * ({@link DaemonCommand#workers}): the engines of those tasks are FATAL with the reason as spawnerr, the engine of the
 * good jar runs, the main log warns of each jar, and {@code check} says which engine fails and why.
 */
class BrokenPluginsTest {

    @TempDir
    Path dir;

    @Test
    void brokenJarsFailOnlyTheEnginesThatNeedThem() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.broken(dir, plugins);
        PluginJars.write(dir, plugins.resolve("good.jar"), "1.0");
        Path main = dir.resolve("supervisord.conf");
        StringBuilder conf = new StringBuilder("""
                [unix_http_server]
                file=%(here)s/orchestrator.sock
                [supervisord]
                logfile=%(here)s/main.log
                childlogdir=%(here)s
                """);
        for (String[] engine : new String[][] {{"throwing", "throwing.task"}, {"missing", "missing.task"},
                {"nowhere", "no.such.task"}, {"good", "demo.version"}}) {
            conf.append("[program:").append(engine[0]).append("]\ncommand=engine-launcher -e dynamic -n ")
                    .append(engine[0]).append(" -w 0 -l info\nstartsecs=0\nstartretries=0\n[engine:")
                    .append(engine[0]).append("]\nevent_processing=").append(engine[1]).append('\n');
        }
        Files.writeString(main, conf);

        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"check", "-c", main.toString(), "--plugins", plugins.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        String check = out.toString();
        assertEquals(0, status, check);
        assertTrue(check.contains("event task 'throwing.task' cannot be used: task library demo.Library ("
                + plugins.resolve("throwing.jar") + ") cannot be loaded: java.lang.IllegalStateException: no licence"
                + " server; engine throwing will fail at its start (FATAL), the other engines run"), check);
        assertTrue(check.contains("engine nowhere will fail at its start"), check);
        assertTrue(check.contains("plugin jar " + plugins.resolve("corrupt.jar") + " cannot be loaded: it is not a"
                + " readable jar (ZipException: zip END header not found)"), check);

        Daemon.Workers workers = DaemonCommand.workers(TaskRegistries.discover(plugins));
        try (TestBroker broker = TestBrokers.rabbitVhost();
             Daemon daemon = Daemon.start(workers.plan(ConfigLoader.load(main)),
                     new Daemon.Options(broker.uri(), 0, false), workers)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.supervisor().allProcessInfo().stream()
                    .allMatch(p -> p.state() == ProcessState.FATAL || p.state() == ProcessState.RUNNING));
            assertEquals(ProcessState.RUNNING, daemon.supervisor().processInfo("good", "good").state());
            ProcessInfo throwing = daemon.supervisor().processInfo("throwing", "throwing");
            assertEquals(ProcessState.FATAL, throwing.state());
            assertEquals("event task 'throwing.task' cannot be used: task library demo.Library ("
                    + plugins.resolve("throwing.jar") + ") cannot be loaded: java.lang.IllegalStateException: no"
                    + " licence server (engine throwing)", throwing.spawnerr());
            assertTrue(daemon.supervisor().processInfo("missing", "missing").spawnerr()
                    .contains("java.lang.NoClassDefFoundError: demo/Helper"));
            assertTrue(daemon.supervisor().processInfo("nowhere", "nowhere").spawnerr().startsWith("event task"
                    + " 'no.such.task' is not registered, and it may be in plugin jar " + plugins.resolve("corrupt.jar")));
            String mainLog = Files.readString(dir.resolve("main.log"));
            for (String jar : new String[] {"corrupt.jar", "throwing.jar", "missing.jar"}) {
                assertEquals(1, mainLog.lines().filter(l -> l.contains(" WARN ") && l.contains(plugins.resolve(jar)
                        .toString())).count(), mainLog);
            }
        }
    }
}
