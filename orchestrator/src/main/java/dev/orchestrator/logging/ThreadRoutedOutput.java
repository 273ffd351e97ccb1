package dev.orchestrator.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What {@code System.out} (or {@code System.err}) becomes in the daemon: bytes written by a thread bound to a
 * process go to that process's file, whole lines at a time, as is; other threads write to the original stream.
 * A process whose channel is NONE has its output discarded, as supervisord does. Writing never fails the writer:
 * {@link LogFile} drops what it cannot write.
 */
final class ThreadRoutedOutput extends OutputStream {

    /** A thread printing without end of line is written out past this many bytes rather than held forever. */
    static final int MAX_PENDING = 64 * 1024;

    private final OutputStream original;
    private final boolean stderr;
    private final Supplier<ProcessLogs> logs;
    private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    ThreadRoutedOutput(OutputStream original, boolean stderr, Supplier<ProcessLogs> logs) {
        this.original = original;
        this.stderr = stderr;
        this.logs = logs;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ProcessLog log = currentLog();
        if (log == null) {
            original.write(bytes, offset, length);
            return;
        }
        ByteArrayOutputStream buffer = pending.get();
        buffer.write(bytes, offset, length);
        if (buffer.size() >= MAX_PENDING) {
            emit(log, buffer);
            return;
        }
        for (int i = offset + length - 1; i >= offset; i--) {
            if (bytes[i] == '\n') {
                emit(log, buffer);
                return;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        ProcessLog log = currentLog();
        if (log == null) original.flush();
        else emit(log, pending.get());
    }

    private ProcessLog currentLog() {
        ProcessLogs current = logs.get();
        return current == null ? null : current.currentThreadLog();
    }

    private void emit(ProcessLog log, ByteArrayOutputStream buffer) {
        if (buffer.size() == 0) return;
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        log.write(stderr, text);
    }
}
