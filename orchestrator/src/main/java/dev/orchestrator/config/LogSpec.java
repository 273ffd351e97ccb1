package dev.orchestrator.config;

import java.nio.file.Path;

/**
 * A program's {@code stdout_logfile}/{@code stderr_logfile} with its rotation settings.
 * {@code path} is null for NONE; for AUTO it is the file chosen under the child log directory.
 */
public record LogSpec(Path path, boolean auto, long maxBytes, int backups) {
    public static LogSpec none() { return new LogSpec(null, false, 0, 0); }
    public boolean isNone() { return path == null; }
}
