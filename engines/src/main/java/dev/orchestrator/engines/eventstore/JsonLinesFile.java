package dev.orchestrator.engines.eventstore;

import java.nio.file.Path;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.NoOpTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * An append-only file of lines, rotated by size like a program log ({@code .1} the newest backup, at most
 * {@code backups} kept, {@code maxBytes = 0} never rotates). The writing and rotating is log4j2's: its file manager
 * is shared by every writer of the same path in the JVM and serialises their lines.
 */
final class JsonLinesFile implements AutoCloseable {

    private final RollingFileAppender appender;

    JsonLinesFile(Path path, long maxBytes, int backups) {
        appender = RollingFileAppender.newBuilder()
                .setName("eventstore:" + path)
                .withFileName(path.toString())
                .withFilePattern(path.toString().replace("%", "%%") + ".%i")
                .withPolicy(maxBytes > 0 ? SizeBasedTriggeringPolicy.createPolicy(Long.toString(maxBytes)) : NoOpTriggeringPolicy.createPolicy())
                .withStrategy(DefaultRolloverStrategy.newBuilder().withMin("1").withMax(Integer.toString(Math.max(backups, 1)))
                        .withFileIndex("min").build())
                .withAppend(true)
                .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
                .build();
        if (appender == null) throw new IllegalArgumentException("cannot open " + path);
        appender.start();
    }

    void append(String line) {
        appender.append(Log4jLogEvent.newBuilder().setMessage(new SimpleMessage(line)).build());
    }

    @Override
    public void close() {
        appender.stop();
    }
}
