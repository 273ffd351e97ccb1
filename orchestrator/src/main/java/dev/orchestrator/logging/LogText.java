package dev.orchestrator.logging;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A byte range of a log file as text: the bytes decoded as UTF-8, a character cut at either end (or any byte that is
 * not UTF-8) becoming U+FFFD, since a log read by offsets starts and stops anywhere.
 */
public final class LogText {

    private LogText() {}

    /** {@code count} bytes of {@code file} from {@code from}; more than an array holds is an IOException. */
    public static String read(RandomAccessFile file, long from, long count) throws IOException {
        if (count > Integer.MAX_VALUE - 16) throw new IOException("too much to read at once");
        byte[] data = new byte[(int) count];
        file.seek(from);
        file.readFully(data);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(data)).toString();
    }
}
