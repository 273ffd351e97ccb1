package dev.orchestrator.control.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {

    @TempDir
    Path dir;

    @Test
    void ownerOnlyAndRemovedAtClose() throws Exception {
        Path path = dir.resolve("run/orchestrator.sock");
        try (ControlSocket socket = ControlSocket.bind(path)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            assertTrue(ControlSocket.answers(path));
            try (var listing = Files.list(path.getParent())) {
                assertEquals(1, listing.count(), "the staging directory is gone");
            }
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Path path = dir.resolve("s.sock");
        ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        old.bind(UnixDomainSocketAddress.of(path));
        old.close();
        assertTrue(Files.exists(path));
        try (ControlSocket socket = ControlSocket.bind(path)) {
            assertTrue(ControlSocket.answers(path));
        }
    }

    @Test
    void liveSocketIsNotTakenOver() throws Exception {
        Path path = dir.resolve("s.sock");
        try (ControlSocket first = ControlSocket.bind(path)) {
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> ControlSocket.bind(path));
            assertTrue(e.getMessage().contains("already listening"), e.getMessage());
            assertTrue(ControlSocket.answers(path));
        }
    }

    @Test
    void closeLeavesANewerSocketAlone() throws Exception {
        Path path = dir.resolve("s.sock");
        ControlSocket first = ControlSocket.bind(path);
        first.channel().close();
        try (ControlSocket second = ControlSocket.bind(path)) {
            first.close();
            assertTrue(ControlSocket.answers(path));
        }
    }

    @Test
    void aFileThatIsNotASocketIsRefusedAndLeftAsItIs() throws Exception {
        Path path = Files.writeString(dir.resolve("orchestrator.sock"), "not a socket");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> ControlSocket.bind(path));
        assertEquals(path + ": exists and is not a socket (left as it is: remove it, or set [unix_http_server] file"
                + " to another path)", e.getMessage());
        assertEquals("not a socket", Files.readString(path));
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), path);
        assertThrows(FileAlreadyExistsException.class, () -> ControlSocket.bind(link));
        assertTrue(Files.isSymbolicLink(link));
    }
}
