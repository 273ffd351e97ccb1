package dev.orchestrator.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Canopsis' {@code etc/amqp.conf}, section {@code [master]} (host, port, userid, password, virtual_host,
 * exchange_name), with the defaults of Canopsis' Amqp class for missing keys: localhost, 5672, guest, guest,
 * canopsis, canopsis.
 */
final class AmqpConfReader {

    static final String FILE = "amqp.conf";
    static final String SECTION = "master";

    private static final Set<String> KEYS = Set.of("host", "port", "userid", "password", "virtual_host",
            "exchange_name");

    private AmqpConfReader() { }

    /** The settings from {@code amqp.conf} beside the main file, or null when there is no such file. */
    static AmqpSettings read(Path dir, Map<String, Object> names, Problems problems) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        IniDocument doc = new IniDocument();
        IniReader.read(file, doc, problems);
        IniSection section = doc.section(SECTION).orElse(null);
        if (section == null) {
            problems.warning(new Source(file, 0, null, null), "no [master] section: the embedded broker is used"
                    + " (expected [master] with host, port, userid, password, virtual_host)");
            return null;
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
        if (host == null || user == null || password == null || vhost == null || exchange == null) return null;
        return new AmqpSettings(AmqpSettings.uri(host, port, user, password, vhost), exchange);
    }

    private static int port(String value) throws InvalidValueException {
        int port = SupervisorTypes.integer(value);
        if (port < 1 || port > 65535) throw new InvalidValueException(port + " is not a port (expected 1 to 65535)");
        return port;
    }
}
