package dev.orchestrator.chaos;

import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the scenarios share: the installation under test ({@code orchestrator.home}: bin/, target/,
 * etc/), a work directory for their files, a seed, a log, and the resources to release at the end (RabbitMQ vhosts,
 * daemons), released in reverse order.
 */
public final class Lab implements AutoCloseable {

    private final Path home;
    private final Path workDir;
    private final long seed;
    private final PrintStream log;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private RabbitCluster cluster;

    public Lab(Path home, Path workDir, long seed, PrintStream log) {
        this.home = home.toAbsolutePath().normalize();
        this.workDir = workDir.toAbsolutePath().normalize();
        this.seed = seed;
        this.log = log;
    }

    /** The installation under test. */
    public Path home() { return home; }

    public long seed() { return seed; }

    /** An empty directory {@code name} under the work directory (emptied if it existed). */
    public Path scratch(String name) {
        Path dir = workDir.resolve(name);
        try {
            if (Files.exists(dir)) Trees.delete(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void log(String line) {
        log.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
    }

    /** A fresh RabbitMQ vhost on 127.0.0.1:5672 for guest, deleted at {@link #close()}. */
    public TestBroker vhost() {
        return register(TestBrokers.rabbitVhost());
    }

    /** The 3-node RabbitMQ cluster of the cluster scenarios, started on first call and stopped at {@link #close()}. */
    public synchronized RabbitCluster cluster() throws IOException {
        if (cluster == null) {
            log("starting a 3-node RabbitMQ cluster (ports 5701-5703)");
            cluster = register(RabbitCluster.start(home));
        }
        return cluster;
    }

    /** Releases {@code resource} at {@link #close()}, before what was registered earlier. */
    public <T extends AutoCloseable> T register(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log("release failed: " + e);
            }
        }
    }
}
