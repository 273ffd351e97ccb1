package dev.orchestrator.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workers' shared connections on the embedded broker: the limit, and an engine's topology declared once. */
class ConnectionPoolTest {

    private static TestBroker broker;
    private static BrokerConnector connector;

    @BeforeAll
    static void start() {
        broker = TestBrokers.embedded();
        connector = new BrokerConnector(broker.uri());
    }

    @AfterAll
    static void stop() {
        connector.close();
        broker.close();
    }

    @Test
    void engineSharePastTheLimitAndTheLastReleaseClosesTheConnection() {
        ConnectionPool pool = new ConnectionPool(connector::connect, 2);
        List<ConnectionPool.Lease> leases = new ArrayList<>();
        for (String engine : List.of("a", "b", "c", "a")) leases.add(pool.lease(engine));
        assertEquals(2, pool.openConnections());
        leases.forEach(ConnectionPool.Lease::release);
        assertEquals(0, pool.openConnections());
    }

    /**
     * The first of an engine's workers declares, those arriving meanwhile wait for it, later ones skip it; a failed
     * declaration, a forgotten one and a new connection declare again.
     */
    @Test
    void aDeclarationRunsOncePerConnectionUntilForgotten() throws Exception {
        ConnectionPool pool = new ConnectionPool(connector::connect, 8);
        AtomicInteger declared = new AtomicInteger();
        CountDownLatch declaring = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ConnectionPool.Declaration slow = () -> {
            declared.incrementAndGet();
            declaring.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<ConnectionPool.Lease> leases = new ArrayList<>();
            for (int i = 0; i < 4; i++) leases.add(pool.lease("e"));
            List<Future<?>> started = new ArrayList<>();
            started.add(workers.submit(() -> { leases.get(0).once("topology", slow); return null; }));
            declaring.await(10, TimeUnit.SECONDS);
            for (int i = 1; i < 4; i++) {
                ConnectionPool.Lease lease = leases.get(i);
                started.add(workers.submit(() -> { lease.once("topology", slow); return null; }));
            }
            finish.countDown();
            for (Future<?> f : started) f.get(10, TimeUnit.SECONDS);
            assertEquals(1, declared.get(), "four workers, one declaration");

            leases.get(1).once("other topology", declared::incrementAndGet);
            assertEquals(2, declared.get(), "another key is another declaration");
            assertThrows(IOException.class, () -> leases.get(2).once("failing", () -> {
                throw new IOException("refused");
            }));
            leases.get(3).once("failing", declared::incrementAndGet);
            assertEquals(3, declared.get(), "a failed declaration is tried again");

            leases.get(0).forget("topology");
            leases.get(1).once("topology", declared::incrementAndGet);
            assertEquals(4, declared.get(), "forgotten: declared again");

            leases.forEach(ConnectionPool.Lease::release);
            ConnectionPool.Lease fresh = pool.lease("e");
            fresh.once("topology", declared::incrementAndGet);
            assertEquals(5, declared.get(), "a new connection has nothing declared");
            fresh.release();
        } finally {
            workers.shutdownNow();
        }
    }
}
