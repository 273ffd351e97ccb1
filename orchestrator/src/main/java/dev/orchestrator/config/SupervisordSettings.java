package dev.orchestrator.config;

import dev.orchestrator.http.Credentials;
import java.nio.file.Path;

/**
 * The {@code [supervisord]}, {@code [unix_http_server]} and {@code [inet_http_server]} settings the daemon uses.
 * {@code socketCredentials} (HTTP on the control socket) and {@code inetHttpServer} are null when not configured.
 */
public record SupervisordSettings(
        Path logfile,
        long logfileMaxBytes,
        int logfileBackups,
        String loglevel,
        Path pidfile,
        Path directory,
        Path childLogDir,
        Path socketFile,
        Credentials socketCredentials,
        InetHttpServer inetHttpServer) {

    /** Without HTTP credentials on the socket and without a TCP server. */
    public SupervisordSettings(Path logfile, long logfileMaxBytes, int logfileBackups, String loglevel, Path pidfile,
                               Path directory, Path childLogDir, Path socketFile) {
        this(logfile, logfileMaxBytes, logfileBackups, loglevel, pidfile, directory, childLogDir, socketFile, null,
                null);
    }

    /** {@code [inet_http_server]}: {@code port=HOST:PORT} (an empty host or {@code *}: every interface), credentials or null. */
    public record InetHttpServer(String host, int port, Credentials credentials) {
        /** {@code HOST:PORT} as written back to users. */
        public String address() { return (host.isEmpty() ? "*" : host) + ':' + port; }
    }
}
