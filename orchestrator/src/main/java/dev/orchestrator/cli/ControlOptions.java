package dev.orchestrator.cli;

import dev.orchestrator.control.SocketPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the CLI finds the daemon: {@code -s/--serverurl unix:///path} (supervisorctl's option) or the socket that
 * the configuration ({@code -c/--config}, default {@code etc/supervisord.conf} of the installation) names.
 */
public final class ControlOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Main configuration file (default: etc/supervisord.conf of the installation).")
    Path config;

    @Option(names = {"-s", "--serverurl"}, paramLabel = "URL",
            description = "The daemon's control socket, unix:///path (default: [unix_http_server] file= of the configuration).")
    String serverUrl;

    /** The main configuration file: {@code -c}, else the installation's {@code etc/supervisord.conf}. */
    public Path configFile() {
        if (config != null) return config.toAbsolutePath().normalize();
        String home = System.getProperty("orchestrator.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize()
                .resolve("etc").resolve("supervisord.conf");
    }

    /** The socket to talk to. */
    public Path socketFile() {
        if (serverUrl != null) return Path.of(serverUrl.startsWith("unix://") ? serverUrl.substring(7) : serverUrl);
        Path main = configFile();
        if (!Files.isRegularFile(main)) return SocketPath.defaultSocket();
        try {
            return SocketPath.of(main);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + main + ": " + e.getMessage(), e);
        }
    }
}
