package dev.orchestrator.cli;

import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.logging.ProcessLogs;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * log4j2 for a foreground engine ({@code launch}): everything on standard output in Canopsis' engine log format
 * ({@code asctime levelname name message}, the worker's number before the message as in the daemon's files), libraries at WARN (the embedded broker's off), the engine loggers
 * ({@code engine.*}) at the level of {@code -l}. No shutdown hook of log4j's own, so the lines of a graceful stop
 * are not lost.
 */
final class ConsoleLogging {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %level %logger " + ProcessLogs.WORKER_PATTERN + "%m%n";

    private ConsoleLogging() { }

    /** Call before anything touches log4j: its shutdown hook is registered when it first starts. */
    static void start(Level engineLevel) {
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("launch").setStatusLevel(Level.ERROR).setShutdownHook("disable");
        b.add(b.newAppender("Console", "Console").addAttribute("target", ConsoleAppender.Target.SYSTEM_OUT)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", PATTERN)));
        b.add(b.newLogger("engine", engineLevel));
        LogSystem.SILENCED_LOGGERS.forEach(logger -> b.add(b.newLogger(logger, Level.OFF)));
        b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("Console")));
        Configurator.reconfigure(b.build());
    }
}
