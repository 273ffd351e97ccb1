package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import dev.orchestrator.testing.Supervisorctl;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's standard input: supervisord's {@code sendProcessStdin} ({@code supervisor/rpcinterface.py},
 * {@code SupervisorNamespaceRPCInterface.sendProcessStdin}: INCORRECT_PARAMETERS for chars that are not a string,
 * checked first, then BAD_NAME, NOT_RUNNING without a pid, NO_FILE when the stdin pipe is closed, the EPIPE of
 * {@code process.py Subprocess.write}) called through supervisor's own XML-RPC transport, as supervisorctl calls
 * it, on child processes ({@code cat} echoes its input into its log) and a worker thread (no stdin: NO_FILE); then
 * {@code fg}, the real supervisorctl's ({@code supervisorctl.py DefaultControllerPlugin.do_fg}: each input line
 * through sendProcessStdin, the log followed, {@code Exiting foreground} at the end of the input) and ours.
 */
class ProcessStdinTest {

    private static final String CONFIG = Supervisorctl.SERVER + """
            [program:cat]
            command=cat
            startsecs=0
            stdout_logfile=%(here)s/cat.log
            [program:deaf]
            command=sh -c 'exec 0<&-; exec sleep 1000'
            startsecs=0
            [program:idle]
            command=sleep 1000
            autostart=false
            [program:engine]
            command=engine-launcher -e test -n engine -w 0
            startsecs=0
            """;

    /** supervisord's own client side (Debian's python3-supervisor), one call per line of its arguments. */
    private static final String CALLS = """
            import sys, xmlrpc.client
            from supervisor.xmlrpc import SupervisorTransport
            s = xmlrpc.client.ServerProxy('http://127.0.0.1', SupervisorTransport(None, None, 'unix://' + sys.argv[1]))
            for name, chars in [('cat', 'hello\\n'), ('cat', 'd\\u00e9j\\u00e0 vu\\n'), ('nope', 'x'), ('idle', 'x'),
                                ('deaf', 'x'), ('engine', 'x'), ('cat', 42)]:
                try:
                    print(s.supervisor.sendProcessStdin(name, chars))
                except xmlrpc.client.Fault as e:
                    print(e.faultCode, e.faultString)
            """;

    @TempDir
    Path dir;

    private Path config;
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        config = Files.writeString(dir.resolve("supervisord.conf"), CONFIG);
        daemon = Daemon.start(ConfigLoader.load(config), new Daemon.Options("amqp://guest:guest@127.0.0.1:5672/", 0,
                false), (c, a) -> p -> TestWorkers.untilStopped());
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.supervisor().allProcessInfo().stream()
                .filter(p -> p.state() == ProcessState.RUNNING).count() == 3);
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void sendProcessStdinAsSupervisord() throws Exception {
        long deaf = daemon.supervisor().processInfo("deaf", "deaf").pid();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(deaf).flatMap(h -> h.info().command())
                .orElse("").endsWith("/sleep"));
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", CALLS, dir.resolve("ctl.sock").toString())
                .redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = out.lines().toList();
        assertEquals(List.of("True", "True", "10 BAD_NAME: nope", "70 NOT_RUNNING: idle", "20 NO_FILE: deaf",
                "20 NO_FILE: engine"), lines.subList(0, Math.min(6, lines.size())), out);
        assertTrue(lines.get(6).startsWith("2 INCORRECT_PARAMETERS: "), out);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("cat.log"))
                .equals("hello\ndéjà vu\n"));
    }

    /** The daemon's {@code stdin} writes to one process named, never to a group spec that holds one. */
    @Test
    void stdinRefusesAGroupSpec() throws Exception {
        try (ControlClient client = ControlClient.connect(dir.resolve("ctl.sock"))) {
            ControlClient.RemoteError refused = assertThrows(ControlClient.RemoteError.class,
                    () -> client.call(Request.stdin("cat:*", "not for a group\n")));
            assertEquals("BAD_NAME", refused.fault());
            assertEquals("cat:*: no such process", refused.getMessage());
            client.call(Request.stdin("cat", "named\n"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("cat.log")).equals("named\n"));
    }

    @Test
    void supervisorctlFgForwardsInput() throws Exception {
        Process fg = new Supervisorctl(config).start("fg", "cat");
        InputStream in = fg.getInputStream();
        StringBuilder seen = new StringBuilder();
        fg.getOutputStream().write("typed into supervisorctl fg\n".getBytes(StandardCharsets.UTF_8));
        fg.getOutputStream().flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> Supervisorctl.readAvailable(in, seen).contains("typed into supervisorctl fg\n"));
        fg.getOutputStream().close();
        // its output thread only sees that it should end when asyncore's select times out (30 s): not awaited
        await().atMost(Duration.ofSeconds(20)).until(() -> Supervisorctl.readAvailable(in, seen)
                .endsWith("Exiting foreground\n"));
        fg.destroy();
        assertTrue(seen.toString().startsWith("==> Press Ctrl-C to exit <==\n"), seen.toString());
        assertEquals("typed into supervisorctl fg\n", Files.readString(dir.resolve("cat.log")));
    }

    @Test
    void ourFgForwardsInput() throws Exception {
        PipedWriter typed = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(typed));
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> fg = CompletableFuture.supplyAsync(() -> Main.execute(
                new String[] {"-c", config.toString(), "fg", "cat"}, input, new PrintWriter(out, true),
                new PrintWriter(out, true)));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().startsWith("==> Press Ctrl-C to exit <==\n"));
        typed.write("typed into orchestrator fg\n");
        typed.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("typed into orchestrator fg\n"));
        typed.close();
        assertEquals(0, fg.get(20, TimeUnit.SECONDS));
        assertTrue(out.toString().endsWith("Exiting foreground\n"), out.toString());
        assertEquals("typed into orchestrator fg\n", Files.readString(dir.resolve("cat.log")));

        ControlHarness.Run thread = ControlHarness.main("a line\n", "-c", config.toString(), "fg", "engine");
        assertEquals(new ControlHarness.Run(0, "==> Press Ctrl-C to exit <==\nERROR: NO_FILE: engine\n"
                + "Exiting foreground\n", ""), thread);
        daemon.supervisor().stopProcess("cat", "cat", true);
        ControlHarness.Run stopped = ControlHarness.main("", "-c", config.toString(), "fg", "cat");
        assertEquals(new ControlHarness.Run(1, "ERROR: process not running\n", ""), stopped);
    }
}
