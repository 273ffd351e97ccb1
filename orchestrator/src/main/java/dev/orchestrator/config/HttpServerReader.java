package dev.orchestrator.config;

import dev.orchestrator.config.SupervisordSettings.InetHttpServer;
import dev.orchestrator.http.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP parts of {@code [unix_http_server]} and {@code [inet_http_server]}: {@code username} and {@code password}
 * (both or neither, as supervisord's {@code options.py _parse_username_and_password}) and the TCP server's
 * {@code port} ({@code datatypes.py inet_address}).
 */
final class HttpServerReader {

    static final String INET_SECTION = "inet_http_server";
    static final Set<String> CREDENTIALS = Set.of("username", "password");

    private HttpServerReader() { }

    /** The section's credentials, or null; an incomplete pair is an error. */
    static Credentials credentials(SectionValues values, Map<String, Object> names) {
        String username = values.expanded("username", null, names);
        String password = values.expanded("password", null, names);
        if (username == null && password == null) return null;
        if (username == null || password == null) {
            values.error(username == null ? "password" : "username", "section [" + values.section().name()
                    + "] contains incomplete authentication: if a username or a password is specified, both the"
                    + " username and password must be specified");
            return null;
        }
        return new Credentials(username, password);
    }

    /** {@code [inet_http_server]}, or null when the section is absent or its port is missing or bad. */
    static InetHttpServer inet(IniDocument doc, Map<String, Object> names, Problems problems) {
        return doc.section(INET_SECTION).map(s -> {
            SectionValues values = new SectionValues(s, problems);
            for (IniEntry e : s.entries()) {
                if (!e.key().equals("port") && !CREDENTIALS.contains(e.key())) {
                    values.warning(e.key(), "unknown option, ignored (expected port, username, password)");
                }
            }
            Credentials credentials = credentials(values, names);
            if (!values.has("port")) {
                problems.error(s.source(), "section [" + INET_SECTION + "] has no port value");
                return null;
            }
            String port = values.expanded("port", null, names);
            if (port == null) return null;
            return values.parse("port", port, v -> address(v, credentials)).orElse(null);
        }).orElse(null);
    }

    private static InetHttpServer address(String value, Credentials credentials) throws InvalidValueException {
        String s = value.strip();
        String host = "";
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            host = s.substring(0, colon).toLowerCase(Locale.ROOT);
            s = s.substring(colon + 1);
            if (s.isEmpty()) throw new InvalidValueException("no port number specified in " + PyFormat.repr(value));
        }
        int port;
        try {
            port = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("not a valid port number: " + PyFormat.repr(s)
                    + " (expected HOST:PORT, e.g. 127.0.0.1:9001)");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidValueException(port + " is not a valid port number (expected 1 to 65535)");
        }
        return new InetHttpServer(host.equals("*") ? "" : host, port, credentials);
    }
}
