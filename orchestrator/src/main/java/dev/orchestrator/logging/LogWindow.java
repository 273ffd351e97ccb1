package dev.orchestrator.logging;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a log file by byte offsets for a client that follows it by polling, as supervisord's
 * {@code tailProcessStdoutLog} ({@code supervisor/rpcinterface.py}, via {@code options.tailFile}): at most
 * {@code length} bytes from {@code offset}; when the file grew past {@code offset + length}, its last {@code length}
 * bytes and {@code overflow}; the next offset is the file's size. Without an offset, the last {@code length} bytes.
 * A file that shrank (rotated, cleared) is read from its start. Bytes are decoded as UTF-8 (a character cut at
 * either end becomes U+FFFD).
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
            byte[] bytes = new byte[(int) (size - from)];
            f.seek(from);
            f.readFully(bytes);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return new Chunk(text, size, overflow && offset != null);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return new Chunk("", 0, false);
        }
    }
}
