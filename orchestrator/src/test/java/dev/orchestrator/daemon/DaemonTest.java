package dev.orchestrator.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.broker.EmbeddedBroker;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real daemon JVM: pidfile, logs, refusal of a second daemon, graceful exit 0 on SIGTERM; configuration errors. */
class DaemonTest {

    private static final String AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/";

    @TempDir
    Path dir;

    private Path config(String extra) throws IOException {
        Path file = dir.resolve("supervisord.conf");
        Files.writeString(file, String.join("\n",
                "[unix_http_server]",
                "file=%(here)s/orchestrator.sock",
                "[supervisord]",
                "logfile=%(here)s/supervisord.log",
                "pidfile=%(here)s/supervisord.pid",
                "childlogdir=%(here)s",
                "[program:alpha]",
                "command=engine-launcher -e test -n alpha -w 0 -l info",
                "startsecs=0",
                "stdout_logfile=%(here)s/alpha.log",
                "stderr_logfile=%(here)s/alpha.log",
                "[program:beta]",
                "command=engine-launcher -e test -n beta -w %(process_num)d -l info",
                "numprocs=2",
                "process_name=%(program_name)s-%(process_num)d",
                "startsecs=0",
                "stdout_logfile=%(here)s/beta.log",
                "stderr_logfile=%(here)s/beta.log",
                "[engine:alpha]",
                "[engine:beta]",
                extra, ""));
        return file;
    }

    private Process daemonJvm(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TestDaemonMain.class.getName(),
                config.toString(), AMQP_URI)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.out").toFile())
                .start();
    }

    private String read(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    void sigtermStopsEveryWorkerGracefullyExitsZeroAndRemovesThePidfile() throws Exception {
        Process daemon = daemonJvm(config(""));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> read("beta.log").contains("beta-1 started")
                    && read("alpha.log").contains("alpha started"));
            assertEquals(Long.toString(daemon.pid()), read("supervisord.pid").trim());
            assertTrue(Files.exists(dir.resolve("orchestrator.sock")));

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int refused = Daemon.run(config(""), new Daemon.Options(AMQP_URI, 0, false),
                    (c, a) -> p -> { throw new AssertionError("a refused daemon makes no worker"); },
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, refused);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("another daemon answers on "), err.toString());

            daemon.destroy(); // SIGTERM
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, daemon.exitValue(), read("daemon.out"));
        } finally {
            daemon.destroyForcibly();
        }
        assertFalse(Files.exists(dir.resolve("supervisord.pid")));
        assertFalse(Files.exists(dir.resolve("orchestrator.sock")));
        assertTrue(read("alpha.log").contains("alpha stopped cleanly\n"), read("alpha.log"));
        String beta = read("beta.log");
        assertTrue(beta.contains("beta-0 stopped cleanly\n") && beta.contains("beta-1 stopped cleanly\n"), beta);
        String main = read("supervisord.log");
        for (String line : List.of("WARN received SIGTERM indicating exit request", "INFO spawned: 'alpha' with pid",
                "INFO stopped: alpha (exit status 0)", "INFO stopped: beta-0 (exit status 0)")) {
            assertTrue(main.contains(line), line + " in\n" + main);
        }
        assertTrue(read("daemon.out").contains("INFO stopped: beta-1 (exit status 0)"), "console in the foreground");
    }

    /** The nearest JVM among {@code p} and its ancestors (surefire forks through a shell, under Maven's JVM). */
    private static ProcessHandle java(ProcessHandle p) {
        if (p.info().command().map(c -> c.endsWith("java")).orElse(false)) return p;
        return java(p.parent().orElseThrow(() -> new AssertionError("no JVM among the test's ancestors")));
    }

    @Test
    void aLivePidfileOfAnotherJvmRefusesTheStart() throws Exception {
        long otherJvm = java(ProcessHandle.current().parent().orElseThrow()).pid();
        Files.writeString(dir.resolve("supervisord.pid"), otherJvm + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Daemon.run(config(""), new Daemon.Options(AMQP_URI, 0, false),
                (c, a) -> p -> { throw new AssertionError("a refused daemon makes no worker"); },
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("orchestrator daemon: not started: another daemon is running: pid " + otherJvm + " in "
                + dir.resolve("supervisord.pid") + " (orchestrator shutdown stops it)" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(otherJvm + "\n", read("supervisord.pid"), "another daemon's pidfile is left alone");
    }

    @Test
    void aTakenBrokerPortIsOneLineAndNoneOfQpidsOwnLogging() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedBroker.HOST))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Daemon.run(config(""), new Daemon.Options(null, taken.getLocalPort(), false),
                    (c, a) -> p -> { throw new AssertionError("a daemon without a broker makes no worker"); },
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertEquals("orchestrator daemon: not started: cannot start the embedded broker on " + EmbeddedBroker.HOST
                    + ":" + taken.getLocalPort() + ": the AMQP port is not bound (in use?)" + System.lineSeparator(),
                    err.toString(StandardCharsets.UTF_8));
        }
        String main = read("supervisord.log");
        assertTrue(main.contains("INFO orchestrator started with pid"), main);
        assertFalse(main.contains("ERRO") || main.contains("WARN") || main.contains("\tat "), main);
    }

    @Test
    void aTakenInetHttpPortIsOneLineAndNothingIsLeftBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Daemon.run(config("[inet_http_server]\nport=127.0.0.1:" + taken.getLocalPort()),
                    new Daemon.Options(AMQP_URI, 0, false),
                    (c, a) -> p -> { throw new AssertionError("a refused daemon makes no worker"); },
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertEquals("orchestrator daemon: not started: [inet_http_server] cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use" + System.lineSeparator(),
                    err.toString(StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(dir.resolve("orchestrator.sock")));
        assertFalse(Files.exists(dir.resolve("supervisord.pid")));
    }

    @Test
    void configurationErrorsArePrintedAndExitTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Daemon.run(config("[program:broken]\nautorestart=maybe\ncommand=engine-launcher -e test -n b"),
                Daemon.Options.defaults(), (c, a) -> p -> { throw new AssertionError("not started"); },
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("error: ") && text.contains("invalid 'autorestart' value 'maybe'"), text);
        assertTrue(text.endsWith("orchestrator daemon: not started: the configuration has errors (orchestrator check"
                + " lists them)" + System.lineSeparator()), text);
        assertFalse(Files.exists(dir.resolve("supervisord.pid")));
        assertFalse(new File(dir.toFile(), "orchestrator.sock").exists());
    }
}
