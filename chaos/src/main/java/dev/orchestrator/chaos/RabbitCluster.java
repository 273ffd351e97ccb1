package dev.orchestrator.chaos;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A 3-node RabbitMQ cluster on this machine (AMQP ports 5701-5703, nodes c1..c3@localhost), run by the script
 * {@code chaos/cluster/rabbitmq-cluster} beside the RabbitMQ on 5672, which it never touches. One user at a time on
 * a machine: {@link #start} waits for the lock file {@value #LOCK} (held by another test run's cluster), and
 * {@link #close()} stops the nodes, removes their data and releases it.
 */
public final class RabbitCluster implements AutoCloseable {

    public static final int NODES = 3;
    static final String LOCK = "/tmp/orchestrator-cluster.lock";

    private final Path script;
    private final FileChannel lock;

    private RabbitCluster(Path script, FileChannel lock) {
        this.script = script;
        this.lock = lock;
    }

    /** Starts the cluster (about 40 s) from the installation under test's script, once no one else runs one. */
    public static RabbitCluster start(Path home) throws IOException {
        FileChannel lock = FileChannel.open(Path.of(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock.lock();
        RabbitCluster cluster = new RabbitCluster(home.resolve("chaos/cluster/rabbitmq-cluster"), lock);
        try {
            cluster.run(300, "stop"); // what a run killed before its end left behind
            cluster.run(300, "start");
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return cluster;
    }

    /** A fresh vhost on the cluster with guest allowed everything. */
    public String addVhost(String name) {
        run(60, "ctl", "1", "add_vhost", name);
        run(60, "ctl", "1", "set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public void deleteVhost(String name) {
        run(60, "ctl", "1", "delete_vhost", name);
    }

    /** The nodes' URIs for {@code vhost}, comma-separated: the daemon's {@code --amqp-uri}. */
    public String uris(String vhost) {
        String encoded = URLEncoder.encode(vhost, StandardCharsets.UTF_8);
        return IntStream.rangeClosed(1, NODES)
                .mapToObj(i -> "amqp://guest:guest@127.0.0.1:" + (5700 + i) + "/" + encoded)
                .collect(Collectors.joining(","));
    }

    /** Node number (1..3) holding the leader of each queue of {@code vhost}. */
    public Map<String, Integer> leaders(String vhost) {
        Map<String, Integer> leaders = new HashMap<>();
        for (String line : run(60, "leaders", vhost).split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells.length == 2 && cells[1].matches("c\\d@.*")) leaders.put(cells[0], cells[1].charAt(1) - '0');
        }
        return leaders;
    }

    /** The node holding most queue leaders of {@code vhost}. */
    public int busiestLeader(String vhost) {
        Map<Integer, Long> counts = leaders(vhost).values().stream()
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
    }

    public void stopNode(int node) { run(120, "node-stop", String.valueOf(node)); }

    public void startNode(int node) { run(300, "node-start", String.valueOf(node)); }

    public void killNode(int node) { run(30, "node-kill", String.valueOf(node)); }

    public void restartNode(int node) { run(300, "node-restart", String.valueOf(node)); }

    /** Keeps {@code node} cut off from the others for {@code seconds}, then lets it reconnect. */
    public void partition(int node, int seconds) {
        run(seconds + 120, Map.of("CLUSTER_PARTITION_SECONDS", String.valueOf(seconds)), "partition",
                String.valueOf(node));
    }

    @Override
    public void close() throws IOException {
        try {
            run(300, "stop");
        } finally {
            lock.close();
        }
    }

    private String run(int timeoutSeconds, String... args) {
        return run(timeoutSeconds, Map.of(), args);
    }

    private String run(int timeoutSeconds, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("rabbitmq-cluster", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!ended) process.destroyForcibly();
                String text = Files.readString(output);
                if (!ended || process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + (ended ? " failed: " : " timed out: ")
                            + text.strip());
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        }
    }
}
