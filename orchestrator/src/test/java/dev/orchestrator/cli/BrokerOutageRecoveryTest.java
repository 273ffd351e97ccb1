package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that refuses the daemon's login at first (its user is created only later, as after a boot where the
 * broker's set-up comes after the daemon): every worker fails its start, goes through BACKOFF and stays FATAL, and
 * the health check ({@code status}, exit 3) fails meanwhile; once the broker accepts the login the daemon restarts
 * them itself and every worker is RUNNING within seconds. A SIGTERM then removes the pidfile and the socket.
 */
class BrokerOutageRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void workersLeftFatalByARefusedLoginRunOnceTheBrokerAcceptsIt() throws Exception {
        String user = "orchestrator-late-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker vhost = TestBrokers.rabbitVhost()) {
            String vhostName = vhost.uri().substring(vhost.uri().lastIndexOf('/') + 1);
            String uri = "amqp://" + user + ":secret@127.0.0.1:5672/" + vhostName;
            DaemonProcess daemon = DaemonProcess.start(dir, uri, String.join("\n",
                    "[program:engine-a]",
                    "command=engine-launcher -e dynamic -n a -w %(process_num)d",
                    "process_name=%(program_name)s-%(process_num)d",
                    "numprocs=2",
                    "startretries=2",
                    "[program:engine-b]",
                    "command=engine-launcher -e dynamic -n b -w 0",
                    "startretries=2",
                    "[engine:a]",
                    "next=b",
                    "[engine:b]",
                    ""));
            try {
                daemon.awaitControl();
                AtomicReference<DaemonProcess.Cli> fatal = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    fatal.set(daemon.cli("status"));
                    return fatal.get().out().lines().filter(l -> l.contains(" FATAL ")).count() == 3;
                });
                assertEquals(3, fatal.get().status(), "the health check fails while every process is FATAL: "
                        + fatal.get());
                TestBrokers.rabbitmqctl("add_user", user, "secret");
                TestBrokers.rabbitmqctl("set_permissions", "-p", vhostName, user, ".*", ".*", ".*");
                long accepted = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    DaemonProcess.Cli status = daemon.cli("status");
                    return status.status() == 0
                            && status.out().lines().filter(l -> l.contains(" RUNNING ")).count() == 3;
                });
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - accepted);
                System.out.println("every worker RUNNING " + seconds + " s after the broker accepted the login");
                assertTrue(seconds <= 10, seconds + " s");
                String log = daemon.mainLogText();
                assertTrue(log.contains("reachable again, restarting 3 processes"), log);
            } finally {
                daemon.close();
                deleteUser(user);
            }
            assertFalse(Files.exists(daemon.socket()), "socket removed");
            assertFalse(Files.exists(dir.resolve("run/orchestrator.pid")), "pidfile removed");
            assertTrue(daemon.mainLogText().contains("orchestrator exiting with status 0"), daemon.mainLogText());
        }
    }

    private static void deleteUser(String user) {
        try {
            TestBrokers.rabbitmqctl("delete_user", user);
        } catch (IllegalStateException notCreated) {
            // the test failed before it made the user
        }
    }
}
