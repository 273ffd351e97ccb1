package dev.orchestrator.chaos;

import dev.orchestrator.testing.TestBrokers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Broker-side faults with {@code rabbitmqctl}: closing the daemons' connections, stopping and starting the app. */
public final class Rabbit {

    /** Client-provided connection names of the harness itself start with this; the daemons' do not. */
    public static final String HARNESS_PREFIX = "chaos-";

    private Rabbit() { }

    /** The vhost of an {@code amqp://user:pass@host:port/vhost} URI. */
    public static String vhostOf(String uri) {
        String path = URI.create(uri).getRawPath();
        return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }

    /** Closes every connection to {@code vhost} that is not the harness's own; returns how many. */
    public static int closeDaemonConnections(String vhost) {
        List<String> names = new ArrayList<>();
        for (String line : TestBrokers.rabbitmqctl("list_connections", "--no-table-headers", "name", "vhost",
                "client_properties").split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length >= 3 && cols[1].equals(vhost) && !cols[2].contains("\"" + HARNESS_PREFIX)) {
                names.add(cols[0]);
            }
        }
        for (String name : names) {
            try {
                TestBrokers.rabbitmqctl("close_connection", name, "chaos: closed by the broker");
            } catch (IllegalStateException e) {
                // gone meanwhile
            }
        }
        return names.size();
    }

    /** Closes every connection to {@code vhost}, the harness's own included (one rabbitmqctl call). */
    public static void closeAllConnections(String vhost) {
        TestBrokers.rabbitmqctl("close_all_connections", "-p", vhost, "chaos: closed by the broker");
    }

    /** Connections to {@code vhost} that are not the harness's own. */
    public static int daemonConnections(String vhost) {
        int n = 0;
        for (String line : TestBrokers.rabbitmqctl("list_connections", "--no-table-headers", "vhost",
                "client_properties").split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length >= 2 && cols[0].equals(vhost) && !cols[1].contains("\"" + HARNESS_PREFIX)) n++;
        }
        return n;
    }

    public static void stopApp() {
        TestBrokers.rabbitmqctl("stop_app");
    }

    public static void startApp() {
        TestBrokers.rabbitmqctl("start_app");
        TestBrokers.rabbitmqctl("await_startup");
    }
}
