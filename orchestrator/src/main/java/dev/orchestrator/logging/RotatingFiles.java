package dev.orchestrator.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.NoOpTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.RollingFileManager;
import org.apache.logging.log4j.core.appender.rolling.RolloverDescription;
import org.apache.logging.log4j.core.appender.rolling.RolloverDescriptionImpl;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.action.AbstractAction;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * log4j2 file appenders that rotate as supervisord's (supervisor/loggers.py {@code RotatingFileHandler}): past {@code maxBytes} the file becomes
 * {@code .1} and older backups shift up to {@code .backups} (the oldest is dropped); {@code backups = 0}
 * truncates in place; {@code maxBytes = 0} never rotates. log4j2 checks the size before each write, so a rotated
 * file exceeds {@code maxBytes} by at most one line, as supervisord's exceeds it by one write.
 */
public final class RotatingFiles {

    private RotatingFiles() { }

    /** An appender reporting its write errors to log4j's status logger. */
    public static RollingFileAppender create(String name, Path path, long maxBytes, int backups,
                                             Layout<String> layout, Configuration config) {
        return create(name, path, maxBytes, backups, layout, config, null);
    }

    /** An appender reporting its write errors to {@code handler} (null: log4j's status logger). */
    public static RollingFileAppender create(String name, Path path, long maxBytes, int backups,
                                             Layout<String> layout, Configuration config, ErrorHandler handler) {
        RollingFileAppender appender;
        try {
            appender = RollingFileAppender.newBuilder()
                    .setName(name)
                    .withFileName(path.toString())
                    .withFilePattern(path.toString().replace("%", "%%") + ".%i")
                    .withPolicy(maxBytes > 0 ? SizeBasedTriggeringPolicy.createPolicy(Long.toString(maxBytes))
                            : NoOpTriggeringPolicy.createPolicy())
                    .withStrategy(backups > 0
                            ? DefaultRolloverStrategy.newBuilder().withMin("1").withMax(Integer.toString(backups))
                                    .withFileIndex("min").withConfig(config).build()
                            : new Truncate())
                    .withAppend(true)
                    .setLayout(layout)
                    .setConfiguration(config)
                    .build();
        } catch (IllegalStateException e) { // log4j's, with its manager's whole settings in the message
            appender = null;
        }
        if (appender == null) throw new IllegalArgumentException("cannot open log file " + path + why(path));
        if (handler != null) appender.setHandler(handler);
        appender.start();
        return appender;
    }

    /** Why a file cannot be opened, when it shows in its directories: ": DIR is not a directory" or "". */
    private static String why(Path path) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)) return Files.isDirectory(dir) ? "" : ": " + dir + " is not a directory";
        }
        return "";
    }

    /** {@code backups = 0}: the file is removed and opened again, empty. */
    private static final class Truncate implements RolloverStrategy {
        @Override
        public RolloverDescription rollover(RollingFileManager manager) {
            Path file = Path.of(manager.getFileName());
            return new RolloverDescriptionImpl(file.toString(), false, new AbstractAction() {
                @Override
                public boolean execute() throws IOException {
                    Files.deleteIfExists(file);
                    return true;
                }
            }, null);
        }
    }
}
