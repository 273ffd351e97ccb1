package dev.orchestrator.cli;

import dev.orchestrator.control.client.SocketPath;
import java.nio.file.Path;

/**
 * Where a control command finds the daemon: {@code -s/--serverurl unix:///path} (supervisorctl's option), else the
 * socket that the configuration ({@code -c/--config}, see {@link ConfigOption}) names, read by
 * {@link SocketPath} (the daemon's own reader).
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
        return SocketPath.of(configFile());
    }
}
