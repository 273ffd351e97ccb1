package dev.orchestrator.control.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Home;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's fast socket lookup agrees with the configuration loader. */
class SocketPathTest {

    @TempDir
    Path dir;

    @Test
    void shippedConfiguration() throws Exception {
        Path main = Path.of("../etc/supervisord.conf");
        assertEquals(ConfigLoader.load(main).supervisord().socketFile(), SocketPath.of(main));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[unix_http_server]\nfile=%(here)s/../run/x.sock\n",
        "[unix_http_server]\nfile = run/x.sock ; a comment\n",
        "; [unix_http_server]\n[unix_http_server]\nfile: /tmp/abs.sock\n",
        "[unix_http_server]\nfile=%(ENV_HOME)s/x.sock\n",
        "[unix_http_server]\nfile=~/x.sock\n",
        "[supervisord]\nlogfile=x.log\n",
        "[supervisord]\nfile=not-this.sock\n[unix_http_server]\n"})
    void sameAsTheLoader(String text) throws Exception {
        Path main = dir.resolve("etc/supervisord.conf");
        Files.createDirectories(main.getParent());
        Files.writeString(main, text);
        assertEquals(ConfigLoader.load(main).supervisord().socketFile(), SocketPath.of(main));
        if (!text.contains("file")) assertEquals(Home.get().resolve("run/orchestrator.sock"), SocketPath.of(main));
    }
}
