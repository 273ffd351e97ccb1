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

    /** Regression: the CLI's own reader saw the main file only, the daemon its includes too. */
    @Test
    void declaredInAnIncludedFile() throws Exception {
        Path main = dir.resolve("etc/supervisord.conf");
        Files.createDirectories(dir.resolve("etc/conf.d"));
        Files.writeString(main, "[supervisord]\nlogfile=x.log\n[include]\nfiles = conf.d/*.conf\n");
        Files.writeString(dir.resolve("etc/conf.d/control.conf"),
                "[unix_http_server]\nfile=" + dir.resolve("run/y.sock") + "\n");
        assertEquals(dir.resolve("run/y.sock"), SocketPath.of(main));
        assertEquals(ConfigLoader.load(main).supervisord().socketFile(), SocketPath.of(main));
    }

    /**
     * supervisorctl's own rule first (supervisor/options.py, ClientOptions.read_config): {@code [supervisorctl]
     * serverurl} of the main file, whose includes are then not read at all.
     */
    @Test
    void serverUrlOfTheMainFileAsSupervisorctlReadsIt() throws Exception {
        Path main = dir.resolve("etc/supervisord.conf");
        Files.createDirectories(dir.resolve("etc/conf.d"));
        Files.writeString(main, "[supervisorctl]\nserverurl = unix://%(here)s/../run/ctl.sock\n"
                + "[include]\nfiles = conf.d/*.conf\n");
        Files.writeString(dir.resolve("etc/conf.d/broken.conf"), "no section header\n");
        assertEquals(dir.resolve("run/ctl.sock"), SocketPath.of(main));
        Files.writeString(main, "[supervisorctl]\nserverurl = unix://~/ctl.sock\n");
        assertEquals(Path.of(System.getenv("HOME"), "ctl.sock"), SocketPath.of(main));
    }

    @Test
    void anHttpServerUrlLeavesTheDaemonsSocket() throws Exception {
        Path main = dir.resolve("etc/supervisord.conf");
        Files.createDirectories(main.getParent());
        Files.writeString(main, "[supervisorctl]\nserverurl=http://localhost:9001\n"
                + "[unix_http_server]\nfile=%(here)s/d.sock\n");
        assertEquals(dir.resolve("etc/d.sock"), SocketPath.of(main));
    }

    @Test
    void aMissingFileMeansTheDefaultSocket() {
        assertEquals(Home.get().resolve("run/orchestrator.sock"), SocketPath.of(dir.resolve("nothing.conf")));
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
