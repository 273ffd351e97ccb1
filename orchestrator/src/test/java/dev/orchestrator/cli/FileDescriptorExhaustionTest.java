package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon out of file descriptors (its limit lowered with prlimit while clients keep connecting): the control
 * socket's accept fails with EMFILE over and over; the loop backs off and the main log gets at most a line a
 * second (it used to spin and write ~80,000 lines a minute); once descriptors are free again it answers.
 */
class FileDescriptorExhaustionTest {

    @TempDir
    Path dir;

    @Test
    void acceptFailuresAreLoggedAtMostOnceASecondAndTheDaemonAnswersAfterwards() throws Exception {
        try (TestBroker broker = TestBrokers.embedded();
             DaemonProcess daemon = DaemonProcess.start(dir, broker.uri(), "").awaitControl()) {
            assertEquals(0, daemon.cli("status").status(), "warm-up: the classes of a request are loaded");
            long open = openDescriptors(daemon.pid());
            long limit = softLimit(daemon.pid());
            prlimit(daemon.pid(), open + 4);
            List<SocketChannel> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 30; i++) {
                    clients.add(SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket())));
                }
                long start = System.nanoTime();
                await().atMost(Duration.ofSeconds(20)).until(() -> daemon.mainLogText()
                        .contains("more failures since the last line"));
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
                long lines = daemon.mainLogText().lines().filter(l -> l.contains("accept failed")).count();
                assertTrue(lines >= 2 && lines <= seconds + 1, lines + " accept lines in about " + seconds + " s");
                assertTrue(daemon.mainLogText().contains("WARN control: accept failed: Too many open files;"
                        + " retrying in up to 1000 ms"), daemon.mainLogText());
            } finally {
                assertTrue(daemon.process.isAlive(), () -> "the daemon died: " + daemon.output());
                prlimit(daemon.pid(), limit);
                for (SocketChannel c : clients) c.close();
            }
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> client.connect(
                        UnixDomainSocketAddress.of(daemon.socket())));
            }
            assertTrue(daemon.process.isAlive());
        }
    }

    private static long openDescriptors(long pid) throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.count();
        }
    }

    /** The soft limit of open files of {@code pid}, from /proc/PID/limits. */
    private static long softLimit(long pid) throws Exception {
        String line = Files.readAllLines(Path.of("/proc/" + pid + "/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
        return Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
    }

    /** Sets the soft limit of open files of {@code pid} (the hard one stays: lowering it could not be undone). */
    private static void prlimit(long pid, long files) throws Exception {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--nofile=" + files + ":")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "prlimit: " + out);
    }
}
