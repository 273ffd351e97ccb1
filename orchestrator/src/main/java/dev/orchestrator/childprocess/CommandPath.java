package dev.orchestrator.childprocess;

import dev.orchestrator.config.CommandLookup;
import dev.orchestrator.supervision.SpawnException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * supervisord's {@code get_execv_args} and {@code check_execv_args} (supervisor/process.py, options.py): the command
 * as {@link CommandLookup} finds it must be an executable file; otherwise a spawn error with supervisord's text.
 */
final class CommandPath {

    private CommandPath() { }

    /** The file to execute for {@code program}, searched on {@code path} ({@code PATH}'s value, may be null). */
    static Path resolve(String program, String path) throws SpawnException {
        Path found = CommandLookup.locate(program, path)
                .orElseThrow(() -> new SpawnException("can't find command " + quoted(program)));
        if (Files.isDirectory(found)) throw new SpawnException("command at " + quoted(found) + " is a directory");
        if (!Files.isExecutable(found)) {
            throw new SpawnException("command at " + quoted(found) + " is not executable");
        }
        return found;
    }

    private static String quoted(Object value) { return "'" + value + "'"; }
}
