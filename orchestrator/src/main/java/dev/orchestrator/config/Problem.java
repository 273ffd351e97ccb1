package dev.orchestrator.config;

/**
 * One finding about the configuration. Errors make {@code check} exit 2 and the daemon refuse to start;
 * warnings and notes are printed and the configuration still runs.
 */
public record Problem(Severity severity, Source source, String message) {

    public enum Severity { ERROR, WARNING, NOTE }

    /** One line: {@code error: FILE:LINE [section] key: message}. */
    @Override
    public String toString() {
        return severity.name().toLowerCase() + ": " + source + ": " + message;
    }
}
