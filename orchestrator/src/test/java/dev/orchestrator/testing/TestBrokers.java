package dev.orchestrator.testing;

import dev.orchestrator.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test brokers, one of each kind per test class, started on first use and released after the class:
 * <pre>
 * {@literal @}RegisterExtension static final TestBrokers BROKERS = new TestBrokers();
 * {@literal @}ParameterizedTest {@literal @}EnumSource(BrokerKind.class)
 * void delivers(BrokerKind kind) { String uri = BROKERS.uri(kind); ... }
 * </pre>
 * The embedded Qpid runs on an ephemeral port; RabbitMQ gets a fresh vhost on 127.0.0.1:5672 made with
 * {@code rabbitmqctl} (a missing RabbitMQ fails the test, it never skips it).
 */
public final class TestBrokers implements AfterAllCallback {

    private final Map<BrokerKind, TestBroker> brokers = new EnumMap<>(BrokerKind.class);

    /** The broker of that kind for this test class (started on first call). */
    public synchronized TestBroker get(BrokerKind kind) {
        return brokers.computeIfAbsent(kind, k -> k == BrokerKind.EMBEDDED ? embedded() : rabbitVhost());
    }

    public String uri(BrokerKind kind) {
        return get(kind).uri();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        brokers.values().forEach(TestBroker::close);
        brokers.clear();
    }

    /** A new embedded Qpid broker on an ephemeral loopback port; close it when done. */
    public static TestBroker embedded() {
        EmbeddedBroker broker = EmbeddedBroker.start(0);
        return new TestBroker() {
            @Override public BrokerKind kind() { return BrokerKind.EMBEDDED; }
            @Override public String uri() { return broker.uri(); }
            @Override public void closeAllConnections() { broker.closeAllConnections(); }
            @Override public void close() { broker.close(); }
        };
    }

    /** A new vhost on the RabbitMQ at 127.0.0.1:5672, guest allowed everything; close it to delete the vhost. */
    public static TestBroker rabbitVhost() {
        String vhost = "orchestrator-test-" + UUID.randomUUID().toString().substring(0, 8);
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        String uri = "amqp://guest:guest@127.0.0.1:5672/" + URLEncoder.encode(vhost, StandardCharsets.UTF_8);
        return new TestBroker() {
            @Override public BrokerKind kind() { return BrokerKind.RABBITMQ; }
            @Override public String uri() { return uri; }
            @Override public void closeAllConnections() {
                rabbitmqctl("close_all_connections", "-p", vhost, "closed by a test");
            }
            @Override public void close() { rabbitmqctl("delete_vhost", vhost); }
        };
    }

    /** Runs {@code rabbitmqctl -q ARGS}; a failure (RabbitMQ down, bad arguments) throws with its output. */
    public static String rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        }
    }
}
