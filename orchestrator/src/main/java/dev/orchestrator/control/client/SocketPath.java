package dev.orchestrator.control.client;

import dev.orchestrator.config.ConfigLoader;
import java.nio.file.Path;

/**
 * Finds the control socket for the CLI ({@link ConfigLoader#socketFile}, the daemon's own reader): supervisorctl's
 * {@code [supervisorctl] serverurl=unix://PATH} of the main file, else the daemon's {@code [unix_http_server]
 * file=} (includes and expansions alike), else {@code run/orchestrator.sock} under the installation.
 */
public final class SocketPath {

    private SocketPath() {}

    /** The socket path that {@code mainFile} configures. */
    public static Path of(Path mainFile) {
        return ConfigLoader.socketFile(mainFile);
    }
}
