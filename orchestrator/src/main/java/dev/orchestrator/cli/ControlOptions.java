package dev.orchestrator.cli;

import dev.orchestrator.control.client.SocketPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a control command finds the daemon: {@code -s/--serverurl unix:///path} (supervisorctl's option), else the
 * socket that the configuration ({@code -c/--config}, see {@link ConfigOption}) names, read cheaply by
 * {@link SocketPath} so the CLI starts fast.
 *
 * @param config    {@code -c FILE}, or null
 * @param serverUrl {@code -s URL}, or null
 */
record ControlOptions(Path config, String serverUrl) {

    /** The main configuration file. */
    Path configFile() {
        return ConfigOption.mainFile(config, System.getenv());
    }

    /** The socket to talk to. */
    Path socketFile() {
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
