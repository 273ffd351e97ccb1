package dev.orchestrator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * supervisord's {@code stdout_logfile}/{@code stderr_logfile} values: {@code NONE}/{@code OFF}, {@code AUTO}
 * (a file per process and channel in the child log directory), or a path whose directory must exist. Beyond
 * supervisord (whose {@code datatypes.existing_dirpath} checks only the directory, so a bad path showed at spawn),
 * a path that cannot be a log file is refused here: a directory, a file on {@code /proc} or {@code /sys}, a file or
 * directory that cannot be written.
 */
final class LogFiles {

    private LogFiles() { }

    static boolean isNone(String value) {
        String s = value.toLowerCase(Locale.ROOT);
        return s.equals("none") || s.equals("off");
    }

    static boolean isAuto(String value) {
        return value.equalsIgnoreCase("auto");
    }

    /** The AUTO file of a process's channel: {@code <childlogdir>/<process>-<channel>.log}. */
    static Path auto(Path childLogDir, String process, String channel) {
        return childLogDir.resolve(process + '-' + channel + ".log");
    }

    /** Pseudo-filesystems whose files are not files: a log there is refused or lost. */
    private static final Set<String> PSEUDO_FILESYSTEMS = Set.of("proc", "sysfs", "cgroup", "cgroup2");

    /**
     * {@code path} if it can be a log file: its directory exists (supervisord's error text otherwise), it is not a
     * directory nor on a pseudo-filesystem, and it (or, while it does not exist, its directory) can be written.
     */
    static Path writableLogFile(String value, Path path) throws InvalidValueException {
        Path dir = path.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InvalidValueException("The directory named as part of the path " + value
                    + " does not exist (expected an existing directory: create " + dir + ")");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidValueException("The path " + value + " is a directory (expected a file name in it)");
        }
        String filesystem = filesystem(Files.exists(path) ? path : dir);
        if (PSEUDO_FILESYSTEMS.contains(filesystem)) {
            throw new InvalidValueException("The path " + value + " is on " + filesystem
                    + ", not a file system for logs (expected a file on a disk)");
        }
        if (Files.exists(path) ? !Files.isWritable(path) : dir != null && !Files.isWritable(dir)) {
            throw new InvalidValueException((Files.exists(path) ? "The file " + value
                    : "The directory named as part of the path " + value) + " is not writable by this user"
                    + " (expected write permission on a read-write file system)");
        }
        return path;
    }

    private static String filesystem(Path path) {
        try {
            return path == null ? "" : Files.getFileStore(path).type();
        } catch (IOException e) {
            return "";
        }
    }
}
