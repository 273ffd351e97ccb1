package dev.orchestrator.logging;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a log file by byte offsets for a client that follows it by polling, as supervisord's
 * {@code tailProcessStdoutLog} ({@code supervisor/rpcinterface.py}, via {@code options.tailFile}): at most
 * {@code length} bytes from {@code offset}; when the file grew past {@code offset + length}, its last {@code length}
 * bytes and {@code overflow}; the next offset is the file's size. Without an offset, the last {@code length} bytes.
 * A file that shrank (rotated, cleared) is read from its start. Bytes are decoded by {@link LogText}.
 */
public final class LogWindow {

    /** The most bytes one read returns. */
    public static final int MAX_LENGTH = 1 << 20;

    /** Text read, the offset to ask next, whether bytes were skipped. */
    public record Chunk(String data, long offset, boolean overflow) {}

    private LogWindow() {}

    public static Chunk tail(Path file, Long offset, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long from = offset == null ? Math.max(0, size - length) : offset > size ? 0 : offset;
            boolean overflow = size - from > length;
            if (overflow) from = size - length;
            return new Chunk(LogText.read(f, from, size - from), size, overflow && offset != null);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return new Chunk("", 0, false);
        }
    }
}
