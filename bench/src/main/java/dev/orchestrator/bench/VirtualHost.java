package dev.orchestrator.bench;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RabbitMQ virtual host every part of one benchmark run works in, created by {@code rabbitmqctl} at the start and
 * deleted (with all its queues) at the end, so a run leaves nothing behind and sees no other test's traffic.
 * {@code $RABBITMQCTL} overrides the command (for example {@code "rabbitmqctl -n rabbit@otherhost"}).
 */
final class VirtualHost implements AutoCloseable {

    private static final Pattern CONNECTION_NAME = Pattern.compile("\\{\"connection_name\",\"([^\"]*)\"}");

    private final String name;
    private final ConnectionFactory factory;
    private final List<String> rabbitmqctl;
    private boolean deleted;

    private VirtualHost(String name, ConnectionFactory factory, List<String> rabbitmqctl) {
        this.name = name;
        this.factory = factory;
        this.rabbitmqctl = rabbitmqctl;
    }

    /** Creates {@code name} on the broker of {@code brokerUri} (its own vhost part is ignored) with full rights. */
    static VirtualHost create(String brokerUri, String name) throws IOException, InterruptedException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(brokerUri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid broker URI '" + brokerUri + "': " + e.getMessage());
        }
        factory.setVirtualHost(name);
        factory.setAutomaticRecoveryEnabled(false);
        String ctl = System.getenv().getOrDefault("RABBITMQCTL", "rabbitmqctl");
        VirtualHost vhost = new VirtualHost(name, factory, List.of(ctl.trim().split("\\s+")));
        vhost.ctl("add_vhost", name);
        try {
            vhost.ctl("set_permissions", "-p", name, factory.getUsername(), ".*", ".*", ".*");
        } catch (IOException e) {
            vhost.closeQuietly();
            throw e;
        }
        return vhost;
    }

    String name() { return name; }

    /** This virtual host's address and credentials. */
    BrokerAddress address() {
        return new BrokerAddress(factory.getHost(), factory.getPort(), factory.getUsername(), factory.getPassword(), name);
    }

    /** A new connection to this virtual host; the caller closes it. */
    Connection connect(String connectionName) throws IOException {
        try {
            return factory.newConnection(connectionName);
        } catch (TimeoutException e) {
            throw new IOException("cannot connect to " + factory.getHost() + ":" + factory.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** The broker's product and version, from the server properties of a connection. */
    String brokerVersion() throws IOException {
        try (Connection c = connect("bench-probe")) {
            Map<String, Object> server = c.getServerProperties();
            return server.get("product") + " " + server.get("version");
        }
    }

    /** Deletes the virtual host (once; later calls do nothing). */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (deleted) return;
        ctl("delete_vhost", name);
        deleted = true;
    }

    /** {@link #close()} for a shutdown hook (an interrupted benchmark): a failure is printed, not thrown. */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The broker's Erlang VM when it runs on this machine (the OS process id its node reports, {@code os:getpid()}, if
     * that process is a {@code beam.smp} here); empty otherwise, or when rabbitmqctl cannot say.
     */
    OptionalLong localProcess() throws InterruptedException {
        String pid;
        try {
            pid = ctl("eval", "os:getpid().").replace("\"", "");
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        if (!pid.matches("[0-9]+")) return OptionalLong.empty();
        return ProcessHandle.of(Long.parseLong(pid))
                .filter(p -> p.info().command().map(c -> c.endsWith("/beam.smp")).orElse(false))
                .map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    /** The names of the client connections open in this virtual host, as the broker lists them. */
    List<String> connectionNames() throws IOException, InterruptedException {
        String names = ctl("list_connections", "-p", name, "--no-table-headers", "client_properties");
        List<String> found = new ArrayList<>();
        Matcher m = CONNECTION_NAME.matcher(names);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private String ctl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(rabbitmqctl);
        command.add("-q");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (set RABBITMQCTL to the broker's rabbitmqctl): " + e.getMessage(), e);
        }
        String output = new String(p.getInputStream().readAllBytes()).strip().replaceAll("\\s*\\R\\s*", " ");
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
