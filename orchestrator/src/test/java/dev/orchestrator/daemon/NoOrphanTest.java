package dev.orchestrator.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No child process outlives a real daemon JVM: neither its SIGTERM nor a kill -9. */
class NoOrphanTest {

    @TempDir
    Path dir;

    private Process daemon(String program) throws IOException {
        Path config = dir.resolve("supervisord.conf");
        Files.writeString(config, "[unix_http_server]\nfile=%(here)s/o.sock\n[supervisord]\n"
                + "logfile=%(here)s/supervisord.log\npidfile=%(here)s/supervisord.pid\nchildlogdir=%(here)s\n" + program);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TestDaemonMain.class.getName(),
                config.toString(), "amqp://guest:guest@127.0.0.1:5672/")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
    }

    /** The pid a child wrote into {@code file}, once it did. */
    private long awaitPid(String file) {
        Path p = dir.resolve(file);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(p) && Files.readString(p).strip().length() > 0);
        try {
            return Long.parseLong(Files.readString(p).strip());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Alive and not a zombie waiting for a parent that no longer reaps (a container's init may not). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aDaemonKilledWithMinus9LeavesNoChildBehind() throws Exception {
        Process daemon = daemon("[program:kid]\ncommand=sh -c 'echo $$ > %(here)s/kid.pid; exec sleep 1000'\n"
                + "startsecs=0\n");
        try {
            long kid = awaitPid("kid.pid");
            assertTrue(alive(kid));
            daemon.destroyForcibly();
            assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
            await().atMost(Duration.ofSeconds(5)).until(() -> !alive(kid));
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void sigtermStopsChildrenAndWithStopasgroupTheirChildren() throws Exception {
        Process daemon = daemon("[program:family]\ncommand=sh -c 'sleep 1000 & echo $! > %(here)s/grand.pid;"
                + " echo $$ > %(here)s/family.pid; wait'\nstartsecs=0\nstopasgroup=true\n");
        try {
            long family = awaitPid("family.pid");
            long grandchild = awaitPid("grand.pid");
            assertTrue(alive(family) && alive(grandchild));
            daemon.destroy();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, daemon.exitValue(), () -> {
                try {
                    return Files.readString(dir.resolve("daemon.out"));
                } catch (IOException e) {
                    return e.toString();
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> !alive(family) && !alive(grandchild));
            assertTrue(Files.readString(dir.resolve("supervisord.log"))
                    .contains("DEBG killing family (pid " + family + ") process group with signal SIGTERM")
                    || !Files.readString(dir.resolve("supervisord.log")).contains("DEBG"));
        } finally {
            daemon.destroyForcibly();
        }
    }
}
