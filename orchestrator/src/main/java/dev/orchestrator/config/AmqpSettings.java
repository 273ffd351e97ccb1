package dev.orchestrator.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the broker is: an AMQP URI from {@code --amqp-uri}, {@code ORCHESTRATOR_AMQP_URI} or
 * {@code amqp.conf [master]}; null URI means the embedded broker. {@code exchangeName} is Canopsis'
 * {@code exchange_name} (default {@code canopsis}), from which {@code canopsis.events} and {@code canopsis.alerts} derive.
 */
public record AmqpSettings(String uri, String exchangeName) {

    public static final String DEFAULT_EXCHANGE_NAME = "canopsis";

    /** The environment variable that names the broker when {@code --amqp-uri} is not given. */
    public static final String URI_ENV = "ORCHESTRATOR_AMQP_URI";

    /** The embedded broker and the default exchange name. */
    public static final AmqpSettings EMBEDDED = new AmqpSettings(null, DEFAULT_EXCHANGE_NAME);

    public boolean embedded() { return uri == null; }

    public String eventsExchange() { return exchangeName + ".events"; }

    public String alertsExchange() { return exchangeName + ".alerts"; }

    /** Declared by Canopsis' engines, used by none of them. */
    public String incidentsExchange() { return exchangeName + ".incidents"; }

    /**
     * The broker to use: {@code amqpUriOption} ({@code --amqp-uri}) when given, else what the configuration
     * resolved ({@code ORCHESTRATOR_AMQP_URI}, then {@code amqp.conf}, then the embedded broker). The exchange name
     * always comes from the configuration ({@code amqp.conf}, default {@code canopsis}).
     */
    public static AmqpSettings resolve(String amqpUriOption, Configuration configuration) {
        AmqpSettings configured = configuration.amqp() == null ? EMBEDDED : configuration.amqp();
        return amqpUriOption == null || amqpUriOption.isBlank() ? configured
                : new AmqpSettings(amqpUriOption.strip(), configured.exchangeName());
    }

    /**
     * What the configuration gives when no option is passed: {@code ORCHESTRATOR_AMQP_URI} from
     * {@code environment}, else {@code fromFile} (amqp.conf, may be null), else the embedded broker.
     */
    public static AmqpSettings resolve(Map<String, String> environment, AmqpSettings fromFile) {
        String exchange = fromFile == null ? DEFAULT_EXCHANGE_NAME : fromFile.exchangeName();
        String env = environment.get(URI_ENV);
        if (env != null && !env.isBlank()) return new AmqpSettings(env.strip(), exchange);
        return fromFile == null ? EMBEDDED : fromFile;
    }

    /** {@code amqp://user:password@host:port/vhost}, each part URL-encoded (vhost {@code /} is {@code %2F}). */
    public static String uri(String host, int port, String user, String password, String virtualHost) {
        return "amqp://" + encode(user) + ':' + encode(password) + '@' + host + ':' + port + '/' + encode(virtualHost);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
