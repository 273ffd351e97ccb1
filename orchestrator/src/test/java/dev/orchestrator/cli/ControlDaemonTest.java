package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon end of the socket: pid, version, JSON, shutdown, bad requests, many clients, permissions. */
class ControlDaemonTest extends DaemonTestBase {

    private static final String PROGRAMS = """
            [program:a]
            command=engine-launcher -e test -n a -w 0
            startsecs=0

            [program:b]
            command=engine-launcher -e test -n b -w 0
            startsecs=0
            autostart=false
            """;


    @BeforeEach
    void start() throws Exception {
        harness(PROGRAMS);
        h.workers.script("a", TestWorkers::untilStopped).script("b", TestWorkers::untilStopped);
        h.start();
        h.awaitState("a", "a", ProcessState.RUNNING);
    }

    @Test
    void socketIsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.socket())));
    }

    @Test
    void pidAndVersion() throws Exception {
        assertEquals(new ControlHarness.Run(0, ProcessHandle.current().pid() + "\n", ""), h.run("pid"));
        ControlHarness.Run a = h.run("pid", "a");
        assertEquals(0, a.status());
        assertEquals(h.daemon.processInfo("a", "a").pid(), Long.parseLong(a.out().strip()));
        assertEquals(new ControlHarness.Run(7, "0\n", ""), h.run("pid", "b"));
        assertEquals(new ControlHarness.Run(1, "No such process nope\n", ""), h.run("pid", "nope"));
        assertEquals(2, h.run("pid", "all").lines().size());
        assertEquals(new ControlHarness.Run(0, "dev\n", ""), h.run("version"));
    }

    @Test
    void restartStopsThenStarts() {
        assertEquals(new ControlHarness.Run(0, "a: stopped\na: started\n", ""), h.run("restart", "a"));
        assertEquals(new ControlHarness.Run(0, "b: ERROR (not running)\nb: started\n", ""), h.run("restart", "b"));
        ControlHarness.Run all = h.run("restart", "--all");
        assertEquals(List.of("a: stopped", "b: stopped", "a: started", "b: started"),
                List.of(all.lines().get(0).startsWith("a") ? all.lines().get(0) : all.lines().get(1),
                        all.lines().get(0).startsWith("b") ? all.lines().get(0) : all.lines().get(1),
                        all.lines().get(2).startsWith("a") ? all.lines().get(2) : all.lines().get(3),
                        all.lines().get(2).startsWith("b") ? all.lines().get(2) : all.lines().get(3)));
    }

    @Test
    void startOfAProcessStillStoppingIsRefused() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        h.workers.script("b", () -> TestWorkers.stuck(release, 0));
        assertEquals(new ControlHarness.Run(0, "b: started\n", ""), h.run("start", "b"));
        h.daemon.stopProcess("b", "b", false);
        assertEquals(ProcessState.STOPPING, h.daemon.processInfo("b", "b").state());
        assertEquals(new ControlHarness.Run(7, "b: ERROR (abnormal termination)\n", ""), h.run("start", "b"));
        release.countDown();
        h.awaitState("b", "b", ProcessState.STOPPED);
        h.workers.script("b", TestWorkers::untilStopped);
        assertEquals(new ControlHarness.Run(0, "b: started\n", ""), h.run("start", "b"));
        assertEquals(new ControlHarness.Run(0, "b: stopped\n", ""), h.run("stop", "b"));
    }

    @Test
    void statusJson() throws Exception {
        ControlHarness.Run r = h.run("status", "--json", "a", "b", "nope");
        assertEquals(3, r.status(), "a stopped process (3) wins over an unknown name (4)");
        JsonNode doc = Protocol.JSON.readTree(r.out());
        JsonNode a = doc.get("processes").get(0);
        assertEquals("a", a.get("name").asText());
        assertEquals("RUNNING", a.get("state").asText());
        assertTrue(a.get("pid").asLong() > 0);
        assertTrue(a.get("uptime").asLong() >= 0);
        assertTrue(a.get("description").asText().startsWith("pid "));
        assertEquals(0, a.get("counters").get("events").asInt());
        assertEquals("STOPPED", doc.get("processes").get(1).get("state").asText());
        assertEquals("no such process", doc.get("errors").get(0).get("error").asText());
    }

    @Test
    void startJson() throws Exception {
        ControlHarness.Run r = h.run("start", "--json", "a", "b");
        assertEquals(0, r.status());
        JsonNode results = Protocol.JSON.readTree(r.out()).get("results");
        assertEquals(2, results.size());
    }

    @Test
    void shutdownRemovesTheSocketThenNothingAnswers() {
        Path socket = h.socket();
        assertEquals(new ControlHarness.Run(0, "Shut down\n", ""), h.run("shutdown"));
        assertFalse(Files.exists(socket), "the socket is gone when shutdown returns");
        String url = "unix://" + socket;
        assertEquals(new ControlHarness.Run(4, "", url + " no such file\n"), h.run("status"));
        assertEquals(new ControlHarness.Run(7, "", url + " no such file\n"), h.run("start", "a"));
        assertEquals(new ControlHarness.Run(1, "", "ERROR: " + url + " no such file (already shut down?)\n"),
                h.run("shutdown"));
    }

    @Test
    void staleSocketFileIsRefusedConnection() throws Exception {
        Path socket = h.socket();
        h.server.close();
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertEquals(new ControlHarness.Run(4, "", "unix://" + socket + " refused connection\n"), h.run("status"));
        assertEquals(4, h.run("stop", "a").status());
    }

    @Test
    void badRequestsGetAnErrorAndTheDaemonCarriesOn() throws Exception {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(h.socket()))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            assertEquals("INCORRECT_PARAMETERS", send(c, in, "this is not json").get("fault").asText());
            assertEquals("UNKNOWN_METHOD", send(c, in, "{\"method\":\"explode\"}").get("fault").asText());
            assertEquals("INCORRECT_PARAMETERS", send(c, in, "{\"method\":\"status\",\"bogus\":1}").get("fault").asText());
            assertEquals("INCORRECT_PARAMETERS", send(c, in, "{\"method\":\"start\"}").get("fault").asText());
            assertEquals("INCORRECT_PARAMETERS", send(c, in, "[1,2]").get("fault").asText());
            JsonNode ok = Protocol.JSON.readTree(sendRaw(c, in, "{\"method\":\"pid\"}"));
            assertTrue(ok.get("result").get("pid").asLong() > 0, "the same connection still works");
        }
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(h.socket()))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            byte[] big = new byte[3 * 64 * 1024];
            java.util.Arrays.fill(big, (byte) 'x');
            c.write(ByteBuffer.wrap(big));
            assertTrue(sendRaw(c, in, "").contains("longer than 65536 bytes"));
            assertTrue(sendRaw(c, in, "{\"method\":\"pid\"}").contains("result"), "the next line is read");
        }
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(h.socket()))) {
            c.write(ByteBuffer.wrap("{\"method\":\"sta".getBytes(StandardCharsets.UTF_8)));
            c.shutdownOutput();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            assertTrue(in.readLine().contains("cut short"));
        }
        assertEquals(0, h.run("status", "a").status());
    }

    private static JsonNode send(SocketChannel c, BufferedReader in, String line) throws Exception {
        return Protocol.JSON.readTree(sendRaw(c, in, line)).get("error");
    }

    private static String sendRaw(SocketChannel c, BufferedReader in, String line) throws Exception {
        c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return in.readLine();
    }

    @Test
    void manyConcurrentClients() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String[]> commands = List.of(new String[] {"status", "a"}, new String[] {"pid", "all"},
                new String[] {"avail"}, new String[] {"version"}, new String[] {"tail", "a"});
        try {
            List<Future<ControlHarness.Run>> runs = new ArrayList<>();
            runs.add(pool.submit(() -> h.run("restart", "b")));
            for (int i = 0; i < 48; i++) {
                String[] args = commands.get(i % commands.size());
                runs.add(pool.submit(() -> h.run(args)));
            }
            for (Future<ControlHarness.Run> r : runs) {
                ControlHarness.Run run = r.get();
                assertTrue(run.err().isEmpty() && (run.status() == 0 || run.out().contains("no log file")), run.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
