package dev.orchestrator.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a process log file from an offset, as supervisord's {@code tailProcessStdoutLog}: the last N bytes, then
 * whatever was appended since. A file that shrank was rotated or cleared, so reading restarts at its beginning.
 * Bytes are decoded as UTF-8 across reads, so a character split between two reads comes out whole.
 */
public final class LogTail {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private long offset;

    /** Positioned {@code last} bytes before the end of {@code file} (a missing file counts as empty). */
    public LogTail(Path file, long last) throws IOException {
        this.file = file;
        this.offset = Math.max(0, size() - last);
    }

    /** Text appended since the last read (empty if none), at most one chunk. */
    public String read() throws IOException {
        long size = size();
        if (size < offset) {
            offset = 0;
            decoder.reset();
            bytes.clear();
        }
        if (size == offset) return "";
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int n = in.read(bytes, offset);
            if (n > 0) offset += n;
        } catch (NoSuchFileException rotatedAway) {
            return "";
        }
        bytes.flip();
        CharBuffer chars = CharBuffer.allocate(bytes.remaining());
        decoder.decode(bytes, chars, false);
        bytes.compact();
        return chars.flip().toString();
    }

    private long size() throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
