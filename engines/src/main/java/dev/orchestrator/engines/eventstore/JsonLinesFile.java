package dev.orchestrator.engines.eventstore;

import dev.orchestrator.logging.RotatingFiles;
import java.nio.file.Path;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * An append-only file of lines, rotated by size exactly as a program log is ({@link RotatingFiles}: {@code .1} the
 * newest backup, {@code backups = 0} truncates, {@code maxBytes = 0} never rotates). The writing is log4j2's: its
 * file manager is shared by every writer of the same path in the JVM and serialises their lines.
 */
final class JsonLinesFile implements AutoCloseable {

    private final RollingFileAppender appender;

    JsonLinesFile(Path path, long maxBytes, int backups) {
        appender = RotatingFiles.create("eventstore:" + path, path, maxBytes, backups,
                PatternLayout.newBuilder().withPattern("%m%n").build(), null);
    }

    void append(String line) {
        appender.append(Log4jLogEvent.newBuilder().setMessage(new SimpleMessage(line)).build());
    }

    @Override
    public void close() {
        appender.stop();
    }
}
