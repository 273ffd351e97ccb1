package dev.orchestrator.cli;

import dev.orchestrator.control.client.SocketPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the CLI finds the daemon: {@code -s/--serverurl unix:///path} (supervisorctl's option), else the socket that
 * the configuration ({@code -c/--config}) names, read cheaply by {@link SocketPath} so the CLI starts fast.
 */
public final class ControlOptions {

    @Mixin
    ConfigOption config;

    @Option(names = {"-s", "--serverurl"}, paramLabel = "URL",
            description = "The daemon's control socket, unix:///path (default: [unix_http_server] file= of the configuration).")
    String serverUrl;

    /** The main configuration file. */
    public Path configFile() {
        return config.mainFile();
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
