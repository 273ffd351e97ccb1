package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orchestrator.config.SupervisordSettings.InetHttpServer;
import dev.orchestrator.http.Credentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code [inet_http_server]} and the credentials of {@code [unix_http_server]}, as supervisord's
 * {@code options.py server_configs_from_parser} and {@code datatypes.py inet_address} read them.
 */
class HttpServerSettingsTest extends WithConfigTree {

    private SupervisordSettings settings(String sections) {
        Configuration c = tree.single(sections);
        assertEquals(List.of(), errors(c));
        return c.supervisord();
    }

    @Test
    void noServerAndNoCredentialsByDefault() {
        SupervisordSettings s = settings("[unix_http_server]\nfile=/tmp/x.sock\n");
        assertNull(s.inetHttpServer());
        assertNull(s.socketCredentials());
    }

    @Test
    void portForms() {
        assertEquals(new InetHttpServer("127.0.0.1", 9001, null),
                settings("[inet_http_server]\nport=127.0.0.1:9001\n").inetHttpServer());
        assertEquals(new InetHttpServer("", 9001, null), settings("[inet_http_server]\nport=*:9001\n").inetHttpServer());
        assertEquals(new InetHttpServer("", 9001, null), settings("[inet_http_server]\nport=9001\n").inetHttpServer());
        assertEquals(new InetHttpServer("localhost", 9002, null),
                settings("[inet_http_server]\nport=LocalHost:9002\n").inetHttpServer());
    }

    @Test
    void credentialsOnBothServers() {
        SupervisordSettings s = settings("[unix_http_server]\nfile=/tmp/x.sock\nusername=u\npassword={SHA}abc\n"
                + "[inet_http_server]\nport=:9001\nusername=admin\npassword=%(ENV_GREETING)s\n");
        assertEquals(new Credentials("u", "{SHA}abc"), s.socketCredentials());
        assertEquals(new InetHttpServer("", 9001, new Credentials("admin", "hello")), s.inetHttpServer());
    }

    @Test
    void mistakesAreOneLineEach() {
        onlyError(tree.single("[inet_http_server]\n"), "section [inet_http_server] has no port value");
        onlyError(tree.single("[inet_http_server]\nport=127.0.0.1:\n"), "no port number specified in '127.0.0.1:'");
        onlyError(tree.single("[inet_http_server]\nport=localhost:http\n"), "not a valid port number: 'http'");
        onlyError(tree.single("[inet_http_server]\nport=70000\n"), "70000 is not a valid port number");
        onlyError(tree.single("[inet_http_server]\nport=9001\nusername=x\n"),
                "section [inet_http_server] contains incomplete authentication");
        onlyError(tree.single("[unix_http_server]\npassword=x\n"),
                "section [unix_http_server] contains incomplete authentication");
    }
}
