package dev.orchestrator.childprocess;

import dev.orchestrator.supervision.SpawnException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * supervisord's {@code get_execv_args} and {@code check_execv_args} (supervisor/process.py, options.py): a command
 * without a slash is searched on {@code PATH} (the program's own when its environment sets one), and what is found
 * must be an executable file; otherwise a spawn error with supervisord's text.
 */
final class CommandPath {

    private CommandPath() { }

    /** The file to execute for {@code program}, searched on {@code path} ({@code PATH}'s value, may be null). */
    static Path resolve(String program, String path) throws SpawnException {
        Path found = null;
        if (program.contains("/")) {
            found = Path.of(program);
        } else if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
                if (Files.exists(candidate)) {
                    found = candidate;
                    break;
                }
            }
        }
        if (found == null || !Files.exists(found)) {
            throw new SpawnException("can't find command " + quoted(program));
        }
        if (Files.isDirectory(found)) throw new SpawnException("command at " + quoted(found) + " is a directory");
        if (!Files.isExecutable(found)) {
            throw new SpawnException("command at " + quoted(found) + " is not executable");
        }
        return found;
    }

    private static String quoted(Object value) { return "'" + value + "'"; }
}
