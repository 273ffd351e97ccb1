package dev.orchestrator.childprocess;

import dev.orchestrator.logging.ProcessLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Copies one output pipe of a child into its log file, on a thread of its own, as supervisord's output dispatchers
 * do: whatever the child writes, as it comes. A child that floods its output only waits for the file; the daemon's
 * threads never read its pipes. The pump ends at end of file, which may come after the child's exit when a
 * grandchild keeps the pipe open.
 */
final class OutputPump implements Runnable {

    private static final int CHUNK = 8192;

    private final InputStream pipe;
    private final ProcessLog log;
    private final boolean stderr;

    private OutputPump(InputStream pipe, ProcessLog log, boolean stderr) {
        this.pipe = pipe;
        this.log = log;
        this.stderr = stderr;
    }

    /** Starts copying {@code pipe} to {@code log} (to nowhere when {@code log} is null: the pipe is still drained). */
    static void start(InputStream pipe, ProcessLog log, boolean stderr, String processName) {
        Thread thread = new Thread(new OutputPump(pipe, log, stderr),
                processName + (stderr ? "-stderr" : "-stdout"));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        char[] buffer = new char[CHUNK];
        try (Reader reader = new InputStreamReader(pipe, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                if (log != null && n > 0) log.write(stderr, new String(buffer, 0, n));
            }
        } catch (IOException | RuntimeException e) {
            // the pipe closed under us (the daemon stops) or the log was closed: nothing left to copy
        }
    }
}
