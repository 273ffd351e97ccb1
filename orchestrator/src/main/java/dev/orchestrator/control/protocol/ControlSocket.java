package dev.orchestrator.control.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The daemon's listening socket file, readable and writable by its owner only.
 *
 * <p>The JDK cannot read a client's credentials (no SO_PEERCRED), so the file mode is the guard: the socket is
 * bound inside a fresh 0700 directory next to its final path, set to 0600 there, and only then renamed into place.
 * No other user can connect in the window between bind and chmod, whatever the umask. A stale socket file (no one
 * answers on it) is replaced; a live one means another daemon is running and is refused; anything else at the path
 * (a regular file, a directory, a symbolic link) is refused and left as it is. At close the file is
 * removed if it is still this socket's (same inode), so a newer daemon's socket is never deleted.
 */
public final class ControlSocket implements AutoCloseable {

    /** stat(2)'s file type bits and the socket type. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    private final ServerSocketChannel channel;
    private final Object fileKey;

    private ControlSocket(Path path, ServerSocketChannel channel, Object fileKey) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** Binds at {@code path}; fails with a one-line message if another daemon answers there. */
    public static ControlSocket bind(Path path) throws IOException {
        Path target = path.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a socket (left as it"
                        + " is: remove it, or set [unix_http_server] file to another path)");
            }
            if (answers(target)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "a daemon is already listening there (orchestrator shutdown stops it)");
            }
        }
        Path staging = Files.createTempDirectory(dir, ".ctl",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path bound = staging.resolve("s");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(bound));
            Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
            Files.move(bound, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Object key = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return new ControlSocket(target, channel, key);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(bound);
            throw e;
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** The file at {@code path} itself (not a link's target) is a Unix domain socket. */
    private static boolean isSocket(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & S_IFMT) == S_IFSOCK;
    }

    /** True if something accepts connections at {@code socket}. */
    public static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    public Path path() { return path; }

    public ServerSocketChannel channel() { return channel; }

    /** Stops listening and removes the socket file if it is still this one. */
    @Override
    public void close() {
        try {
            channel.close();
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (Objects.equals(now.fileKey(), fileKey)) {
                Files.deleteIfExists(path);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // already removed: nothing to do
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove control socket " + path, e);
        }
    }
}
