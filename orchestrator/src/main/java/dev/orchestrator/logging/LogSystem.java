package dev.orchestrator.logging;

import dev.orchestrator.config.SupervisordSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.LoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The daemon's log4j2 set-up, made programmatically at start: the main log ({@code [supervisord] logfile},
 * rotated by its {@code logfile_maxbytes}/{@code logfile_backups}, supervisord's line format and level names),
 * the console when in the foreground, and the per-process files of {@link #processLogs()}. {@code System.out}
 * and {@code System.err} are replaced once by streams that route by thread.
 */
public final class LogSystem implements AutoCloseable {

    /**
     * The embedded Qpid broker's own loggers, which every log set-up turns off: a broker that cannot start (its port
     * taken...) reaches the user as one line, not as Qpid's ERROR lines with their stack traces.
     */
    public static final List<String> SILENCED_LOGGERS = List.of("org.apache.qpid", "qpid");

    /** The daemon's own logger: supervisord's transition lines. */
    public static final String MAIN_LOGGER = "supervisord";

    /** supervisord's {@code %(asctime)s %(levelname)s %(message)s} with its level names. */
    static final String MAIN_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss,SSS} %level{FATAL=CRIT, ERROR=ERRO, WARN=WARN, INFO=INFO, DEBUG=DEBG, TRACE=TRAC} %m%n";

    private static volatile ProcessLogs active;
    private static boolean streamsInstalled;

    private final ProcessLogs processLogs;

    private LogSystem(ProcessLogs processLogs) { this.processLogs = processLogs; }

    /**
     * Configures log4j2 for the daemon. {@code settings.logfile()} null means no main log file; {@code console}
     * also writes the main log to standard output (the foreground daemon).
     */
    public static synchronized LogSystem start(SupervisordSettings settings, boolean console) {
        Level mainLevel = level(settings.loglevel());
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setConfigurationName("orchestrator").setStatusLevel(Level.ERROR);
        LoggerComponentBuilder main = b.newLogger(MAIN_LOGGER, mainLevel).addAttribute("additivity", false);
        if (console) {
            b.add(b.newAppender("Console", "Console")
                    .addAttribute("target", ConsoleAppender.Target.SYSTEM_OUT)
                    .add(b.newLayout("PatternLayout").addAttribute("pattern", MAIN_PATTERN)));
            main.add(b.newAppenderRef("Console"));
        }
        b.add(main);
        SILENCED_LOGGERS.forEach(logger -> b.add(b.newLogger(logger, Level.OFF)));
        b.add(b.newRootLogger(mainLevel.isMoreSpecificThan(Level.INFO) ? Level.INFO : mainLevel));
        Configurator.reconfigure(b.build());

        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        List<Appender> fallback = new ArrayList<>();
        if (console) fallback.add(config.getAppender("Console"));
        if (settings.logfile() != null) {
            Appender file = RotatingFiles.create("MainLog", settings.logfile().toAbsolutePath(),
                    settings.logfileMaxBytes(), settings.logfileBackups(),
                    PatternLayout.newBuilder().withConfiguration(config).withPattern(MAIN_PATTERN).build(), config);
            config.addAppender(file);
            config.getLoggerConfig(MAIN_LOGGER).addAppender(file, null, null);
            fallback.add(file);
        }
        ProcessLogs logs = new ProcessLogs(config, fallback, mainLevel);
        config.addAppender(logs.router());
        config.getRootLogger().addAppender(logs.router(), null, null);
        context.updateLoggers();
        active = logs;
        installStreams();
        return new LogSystem(logs);
    }

    public ProcessLogs processLogs() { return processLogs; }

    /** Closes every process file; the main log stays until the JVM ends. */
    @Override
    public synchronized void close() {
        synchronized (LogSystem.class) {
            if (active == processLogs) active = null;
        }
        processLogs.closeAll();
    }

    /** supervisord's {@code loglevel}: critical, error, warn, info, debug, trace, blather. */
    static Level level(String loglevel) {
        if (loglevel == null) return Level.INFO;
        return switch (loglevel.toLowerCase(Locale.ROOT)) {
            case "critical" -> Level.FATAL;
            case "error" -> Level.ERROR;
            case "warn" -> Level.WARN;
            case "debug" -> Level.DEBUG;
            case "trace", "blather" -> Level.TRACE;
            default -> Level.INFO;
        };
    }

    private static void installStreams() {
        if (streamsInstalled) return;
        System.setOut(new PrintStream(new ThreadRoutedOutput(System.out, false, () -> active), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ThreadRoutedOutput(System.err, true, () -> active), true,
                StandardCharsets.UTF_8));
        streamsInstalled = true;
    }
}
