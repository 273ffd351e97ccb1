package dev.orchestrator.logging;

import dev.orchestrator.config.LogSpec;
import dev.orchestrator.config.ProcessConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.MarkerPatternSelector;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.layout.PatternMatch;

/**
 * Per-process log files. A worker thread is bound to its process with {@link #bind}; from then on every log4j2
 * line made on that thread, whatever the logger, and whatever it prints to {@code System.out}/{@code System.err},
 * lands in its program's file. Lines of unbound threads go to the daemon's log. The routing key is a
 * {@link ThreadContext} entry, so it travels with log4j2's events.
 */
public final class ProcessLogs {

    /** The ThreadContext key naming the process (its namespec) a thread works for. */
    public static final String PROCESS_KEY = "orchestrator.process";

    /** Marks raw output ({@code System.out}), written as is, without a timestamp (as supervisord writes it). */
    static final Marker RAW = MarkerManager.getMarker("RAW");

    /** The ThreadContext key of an engine worker's number ({@code engine-launcher -w}), on its thread. */
    public static final String WORKER_KEY = "orchestrator.worker";

    /**
     * {@code [worker N] } on a line made on an engine worker's thread, nothing on any other: every worker of an
     * engine writes to the engine's one file, and Canopsis' logger names ({@code %(name)s}, the engine's name) do
     * not tell them apart.
     */
    public static final String WORKER_PATTERN = "%notEmpty{[worker %X{" + WORKER_KEY + "}] }";

    /** Canopsis' engine file format, {@code %(asctime)s %(levelname)s %(name)s %(message)s}, with the worker. */
    static final String LINE_PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss,SSS} %level{WARN=WARNING, FATAL=CRITICAL} %c " + WORKER_PATTERN + "%m%n";

    private final Configuration config;
    private final Layout<String> layout;
    private final Map<String, ProcessLog> routes = new ConcurrentHashMap<>();
    private final Map<Path, LogFile> files = new HashMap<>();
    private final Router router;
    /** The time source of the files' retries after a failed write; tests drive it. */
    private volatile LongSupplier clock = System::nanoTime;

    /** {@code fallback} gets the lines of threads bound to no process, at {@code fallbackLevel} or above. */
    ProcessLogs(Configuration config, List<Appender> fallback, Level fallbackLevel) {
        this.config = config;
        this.layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPatternSelector(MarkerPatternSelector.newBuilder()
                        .setProperties(new PatternMatch[] {new PatternMatch(RAW.getName(), "%m")})
                        .setDefaultPattern(LINE_PATTERN).setConfiguration(config).build())
                .build();
        this.router = new Router(fallback, fallbackLevel);
        router.start();
    }

    /** The root appender that sends each event to the file of its thread's process, or to the fallback. */
    Appender router() { return router; }

    /** Binds the calling thread to a process: call it first thing on the worker's thread. */
    public static void bind(String namespec) { ThreadContext.put(PROCESS_KEY, namespec); }

    /** Marks the calling thread as engine worker {@code worker} ({@link #WORKER_PATTERN}). */
    public static void bindWorker(int worker) { ThreadContext.put(WORKER_KEY, Integer.toString(worker)); }

    /** The process the calling thread works for, or null. */
    public static String boundProcess() { return ThreadContext.get(PROCESS_KEY); }

    /**
     * Opens (creating if needed) a process's files, as supervisord does for every process at group add, and
     * routes its threads' output there. AUTO is the path the configuration chose under the child log directory.
     */
    public ProcessLog open(ProcessConfig process) throws IOException {
        String key = process.namespec();
        synchronized (files) {
            LogFile out = file(process.stdoutLog());
            LogFile err;
            try {
                err = process.redirectStderr() ? null : file(process.stderrLog());
            } catch (IOException e) {
                releaseFile(out);
                throw e;
            }
            ProcessLog log = new ProcessLog(this, key, out, err);
            ProcessLog previous = routes.put(key, log);
            if (previous != null) release(previous);
            return log;
        }
    }

    void close(String key, ProcessLog log) {
        synchronized (files) {
            if (routes.remove(key, log)) release(log);
        }
    }

    /** Stops every file. */
    void closeAll() {
        synchronized (files) {
            routes.values().forEach(this::release);
            routes.clear();
        }
        router.stop();
    }

    /** For tests: the time source of retries of files opened from now on. */
    void clock(LongSupplier clock) { this.clock = clock; }

    /** The open log of a process ({@code namespec}), or null when it has none. */
    public ProcessLog log(String namespec) { return routes.get(namespec); }

    /** The open log of the process the calling thread is bound to, or null. */
    ProcessLog currentThreadLog() {
        String key = boundProcess();
        return key == null ? null : routes.get(key);
    }

    private LogFile file(LogSpec spec) throws IOException {
        if (spec == null || spec.isNone()) return null;
        Path path = spec.path().toAbsolutePath().normalize();
        LogFile file = files.get(path);
        if (file == null) {
            try {
                file = new LogFile(path, spec.maxBytes(), spec.backups(), layout, config, clock);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            files.put(path, file);
        }
        file.acquire();
        return file;
    }

    private void release(ProcessLog log) {
        releaseFile(log.stdout);
        releaseFile(log.stderr);
    }

    private void releaseFile(LogFile file) {
        if (file != null && file.release()) files.remove(file.path());
    }

    private final class Router extends AbstractAppender {
        private final List<Appender> fallback;
        private final Level fallbackLevel;

        Router(List<Appender> fallback, Level fallbackLevel) {
            super("process-router", null, null, true, Property.EMPTY_ARRAY);
            this.fallback = fallback;
            this.fallbackLevel = fallbackLevel;
        }

        @Override
        public void append(LogEvent event) {
            String key = event.getContextData().getValue(PROCESS_KEY);
            ProcessLog log = key == null ? null : routes.get(key);
            if (log == null) {
                if (event.getLevel().isMoreSpecificThan(fallbackLevel)) {
                    for (Appender a : fallback) a.append(event);
                }
                return;
            }
            LogFile file = log.forLogLines();
            if (file != null) file.append(event);
        }
    }

}
