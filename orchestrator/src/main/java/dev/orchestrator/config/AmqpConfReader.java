package dev.orchestrator.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canopsis' {@code etc/amqp.conf}, section {@code [master]} (host, port, userid, password, virtual_host,
 * exchange_name), with the defaults of Canopsis' Amqp class for missing keys: localhost, 5672, guest, guest,
 * canopsis, canopsis. Ours: {@code host} may list a cluster's nodes ({@code h1,h2,h3}, each on {@code port}), and
 * {@code queue_type} is the default of every engine's {@code queue_type}.
 */
final class AmqpConfReader {

    static final String FILE = "amqp.conf";
    static final String SECTION = "master";

    private static final Set<String> KEYS = Set.of("host", "port", "userid", "password", "virtual_host",
            "exchange_name", "queue_type");

    private AmqpConfReader() { }

    /** What {@code [master]} says: the broker, and the engines' default queue type. */
    record Master(AmqpSettings settings, QueueType queueType) {
        static final Master NONE = new Master(null, QueueType.CLASSIC);
    }

    /** The settings from {@code amqp.conf} beside the main file ({@link Master#NONE} when there is none). */
    static Master read(Path dir, Map<String, Object> names, Problems problems) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Master.NONE;
        IniDocument doc = new IniDocument();
        IniReader.read(file, doc, problems);
        IniSection section = doc.section(SECTION).orElse(null);
        if (section == null) {
            problems.warning(new Source(file, 0, null, null), "no [master] section: the embedded broker is used"
                    + " (expected [master] with host, port, userid, password, virtual_host)");
            return Master.NONE;
        }
        SectionValues v = new SectionValues(section, problems);
        for (IniEntry e : section.entries()) {
            if (!KEYS.contains(e.key())) v.warning(e.key(), "unknown option, ignored" + NearestNames.hint(e.key(), KEYS));
        }
        String host = v.expanded("host", "localhost", names);
        int port = v.typed("port", "5672", names, AmqpConfReader::port, 5672);
        String user = v.expanded("userid", "guest", names);
        String password = v.expanded("password", "guest", names);
        String vhost = v.expanded("virtual_host", "canopsis", names);
        String exchange = v.expanded("exchange_name", AmqpSettings.DEFAULT_EXCHANGE_NAME, names);
        QueueType queueType = v.typed("queue_type", "classic", names, QueueType::parse, QueueType.CLASSIC);
        if (host == null || user == null || password == null || vhost == null || exchange == null) {
            return new Master(null, queueType);
        }
        String uris = Arrays.stream(host.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> AmqpSettings.uri(h, port, user, password, vhost)).collect(Collectors.joining(","));
        return new Master(new AmqpSettings(uris, exchange), queueType);
    }

    private static int port(String value) throws InvalidValueException {
        int port = SupervisorTypes.integer(value);
        if (port < 1 || port > 65535) throw new InvalidValueException(port + " is not a port (expected 1 to 65535)");
        return port;
    }
}
