package dev.orchestrator.config;

import java.nio.file.Path;

/** Where a piece of configuration was read: file, 1-based line (0 when unknown), section and key (null when none). */
public record Source(Path file, int line, String section, String key) {

    /** {@code file:line [section] key}, the prefix of every configuration message. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(file);
        if (line > 0) b.append(':').append(line);
        if (section != null) b.append(" [").append(section).append(']');
        if (key != null) b.append(' ').append(key);
        return b.toString();
    }
}
