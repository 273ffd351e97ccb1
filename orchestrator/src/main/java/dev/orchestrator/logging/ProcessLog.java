package dev.orchestrator.logging;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * The log files of one process: {@code stdout} receives its log4j2 lines and {@code System.out}, {@code stderr}
 * its {@code System.err} (the stdout file when stderr has none). A null path is NONE.
 */
public final class ProcessLog implements AutoCloseable {

    private final ProcessLogs owner;
    private final String key;
    final LogFile stdout;
    final LogFile stderr;

    ProcessLog(ProcessLogs owner, String key, LogFile stdout, LogFile stderr) {
        this.owner = owner;
        this.key = key;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public Path stdoutPath() { return stdout == null ? null : stdout.path(); }

    public Path stderrPath() { return stderr == null ? null : stderr.path(); }

    /** Why a file of this process cannot be written (its lines are being dropped), or null when both can. */
    public String problem() {
        String out = stdout == null ? null : stdout.problem();
        return out != null || stderr == null ? out : stderr.problem();
    }

    /** Empties both files (supervisorctl {@code clear}). */
    public void clear() throws IOException {
        if (stdout != null) stdout.clear();
        if (stderr != null && stderr != stdout) stderr.clear();
    }

    /** Stops routing this process's lines; files no other process uses are closed. */
    @Override
    public void close() { owner.close(key, this); }

    /**
     * Writes a child process's output as is (no timestamp, as supervisord writes it): {@code stderr} text goes to
     * the stderr file, or to the stdout file when stderr has none.
     */
    public void write(boolean stderr, String text) {
        LogFile file = stderr ? forStderr() : forLogLines();
        if (file == null || text.isEmpty()) return;
        file.append(Log4jLogEvent.newBuilder()
                .setLoggerName(stderr ? "stderr" : "stdout")
                .setMarker(ProcessLogs.RAW)
                .setLevel(Level.INFO)
                .setMessage(new SimpleMessage(text))
                .setTimeMillis(System.currentTimeMillis())
                .build());
    }

    LogFile forLogLines() { return stdout != null ? stdout : stderr; }

    LogFile forStderr() { return stderr != null ? stderr : stdout; }
}
