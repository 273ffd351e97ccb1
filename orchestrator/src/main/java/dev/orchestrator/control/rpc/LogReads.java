package dev.orchestrator.control.rpc;

import dev.orchestrator.logging.LogText;
import dev.orchestrator.xmlrpc.RpcFault;
import dev.orchestrator.xmlrpc.RpcFault.Faults;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

/**
 * supervisord's two ways of reading a log file by byte offsets ({@code supervisor/options.py}, {@code readFile} and
 * {@code tailFile}), the bytes decoded by {@link LogText}.
 */
final class LogReads {

    private LogReads() { }

    /**
     * {@code readFile}: {@code length} bytes from {@code offset} (all to the end when 0); a negative offset with
     * length 0 is that many bytes from the end. A negative length, or a negative offset with a length, is
     * BAD_ARGUMENTS; a file that cannot be read is FAILED.
     */
    static String read(Path file, int offset, int length) throws RpcFault {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long from;
            long count;
            if (offset < 0) {
                if (length != 0) throw new RpcFault(Faults.BAD_ARGUMENTS, null);
                from = Math.max(0, size + offset);
                count = -(long) offset;
            } else {
                if (length < 0) throw new RpcFault(Faults.BAD_ARGUMENTS, null);
                from = offset;
                count = length == 0 ? Long.MAX_VALUE : length;
            }
            return LogText.read(f, from, Math.min(count, Math.max(0, size - from)));
        } catch (IOException e) {
            throw new RpcFault(Faults.FAILED, null);
        }
    }

    /**
     * {@code tailFile}: {@code [text, offset, overflow]}: at most {@code length} bytes at {@code offset}, moved to the
     * end (overflow true) when the file has grown past {@code offset + length}; the returned offset is the size.
     * A file that cannot be read is {@code ['', offset, false]}.
     */
    static List<Object> tail(Path file, int offset, int length) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            long off = offset;
            long len = length;
            boolean overflow = false;
            if (size > off + len) {
                overflow = true;
                off = size - 1;
            }
            if (off + len > size) {
                if (off > size - 1) len = 0;
                off = size - len;
            }
            off = Math.max(0, off);
            len = Math.max(0, len);
            return List.of(len == 0 ? "" : LogText.read(f, off, Math.min(len, size - off)), size, overflow);
        } catch (IOException e) {
            return List.of("", offset, false);
        }
    }
}
