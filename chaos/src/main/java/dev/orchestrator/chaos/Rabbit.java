package dev.orchestrator.chaos;

import dev.orchestrator.testing.TestBrokers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Broker-side faults with {@code rabbitmqctl}: closing a vhost's connections, stopping and starting the app. */
public final class Rabbit {

    /** Client-provided connection names of the harness itself start with this (in the broker's connection list). */
    public static final String HARNESS_PREFIX = "chaos-";

    private Rabbit() { }

    /** The vhost of an {@code amqp://user:pass@host:port/vhost} URI. */
    public static String vhostOf(String uri) {
        String path = URI.create(uri).getRawPath();
        return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }

    /** Closes every connection to {@code vhost}, the harness's own included (one rabbitmqctl call). */
    public static void closeAllConnections(String vhost) {
        TestBrokers.rabbitmqctl("close_all_connections", "-p", vhost, "chaos: closed by the broker");
    }

    public static void stopApp() {
        TestBrokers.rabbitmqctl("stop_app");
    }

    public static void startApp() {
        TestBrokers.rabbitmqctl("start_app");
        TestBrokers.rabbitmqctl("await_startup");
    }
}
