package dev.orchestrator.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * supervisord's {@code stdout_logfile}/{@code stderr_logfile} values: {@code NONE}/{@code OFF}, {@code AUTO}
 * (a file per process and channel in the child log directory), or a path whose directory must exist.
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

    /** {@code path} if its directory exists, else supervisord's error. */
    static Path existingDirectoryOf(String value, Path path) throws InvalidValueException {
        Path dir = path.getParent();
        if (dir == null || Files.isDirectory(dir)) return path;
        throw new InvalidValueException("The directory named as part of the path " + value
                + " does not exist (expected an existing directory: create " + dir + ")");
    }
}
