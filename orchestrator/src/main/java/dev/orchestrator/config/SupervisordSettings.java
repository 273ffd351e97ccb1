package dev.orchestrator.config;

import java.nio.file.Path;

/** The {@code [supervisord]} and {@code [unix_http_server]} settings the daemon uses. */
public record SupervisordSettings(
        Path logfile,
        long logfileMaxBytes,
        int logfileBackups,
        String loglevel,
        Path pidfile,
        Path directory,
        Path childLogDir,
        Path socketFile) {}
