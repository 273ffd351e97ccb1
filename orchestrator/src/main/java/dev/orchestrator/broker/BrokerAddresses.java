package dev.orchestrator.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker's nodes from one AMQP URI or a comma-separated list of them ({@code --amqp-uri},
 * {@code ORCHESTRATOR_AMQP_URI}, {@code amqp.conf}): the nodes of one RabbitMQ cluster, which share users and
 * virtual hosts, so every URI must name the same user, password, virtual host and scheme. amqp-client shuffles the
 * addresses for each connection it opens and tries them in turn, so connections spread over the nodes and a worker
 * whose node goes reconnects to the next one that answers.
 */
public record BrokerAddresses(String uris, List<Address> addresses) {

    /**
     * Parses {@code uris} and configures {@code factory} with the credentials, virtual host and TLS of the first.
     *
     * @throws BrokerException one line naming the URI at fault (its password hidden) and why
     */
    public static BrokerAddresses configure(String uris, ConnectionFactory factory) {
        List<Address> addresses = new ArrayList<>();
        ConnectionFactory first = null;
        for (String uri : uris.split(",")) {
            String trimmed = uri.strip();
            if (trimmed.isEmpty()) throw new BrokerException("empty AMQP URI in the list '" + redacted(uris) + "'");
            ConnectionFactory parsed = parse(trimmed, first == null ? factory : new ConnectionFactory());
            if (first == null) {
                first = parsed;
            } else if (!sameAccess(first, parsed)) {
                throw new BrokerException("AMQP URI '" + redacted(trimmed) + "' differs from the first of the list"
                        + " in user, password, virtual host or scheme (the nodes of one cluster share them)");
            }
            addresses.add(new Address(parsed.getHost(), parsed.getPort()));
        }
        return new BrokerAddresses(uris, List.copyOf(addresses));
    }

    /** The URIs without their passwords, for logs and messages. */
    public String describe() {
        return redacted(uris);
    }

    /** {@code uri} with its password replaced by {@code ***}; each URI of a list. */
    public static String redacted(String uris) {
        if (uris == null) return null;
        return java.util.Arrays.stream(uris.split(",", -1))
                .map(u -> u.replaceFirst("(//[^:/@]*:)[^@/]*@", "$1***@"))
                .collect(Collectors.joining(","));
    }

    private static ConnectionFactory parse(String uri, ConnectionFactory factory) {
        try {
            factory.setUri(uri);
            return factory;
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new BrokerException("invalid AMQP URI '" + redacted(uri) + "': " + e.getMessage(), e);
        }
    }

    private static boolean sameAccess(ConnectionFactory a, ConnectionFactory b) {
        return a.getUsername().equals(b.getUsername()) && a.getPassword().equals(b.getPassword())
                && a.getVirtualHost().equals(b.getVirtualHost()) && a.isSSL() == b.isSSL();
    }
}
