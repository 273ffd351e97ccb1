package dev.orchestrator.control.client;

import dev.orchestrator.config.ConfigLoader;
import java.nio.file.Path;

/**
 * Finds the control socket for the CLI: {@code [unix_http_server] file=} of the configuration, read by the daemon's
 * own reader ({@link ConfigLoader#socketFile}, includes and expansions alike) without the rest of the
 * configuration. Without that key the socket is {@code run/orchestrator.sock} under the installation.
 */
public final class SocketPath {

    private SocketPath() {}

    /** The socket path that {@code mainFile} configures. */
    public static Path of(Path mainFile) {
        return ConfigLoader.socketFile(mainFile);
    }
}
