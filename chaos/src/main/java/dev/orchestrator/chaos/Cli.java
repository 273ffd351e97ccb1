package dev.orchestrator.chaos;

import dev.orchestrator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real {@code orchestrator} CLI, run in-process (its commands talk to the daemon's socket). */
public final class Cli {

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) { }

    private Cli() { }

    /** Runs {@code orchestrator COMMAND -c MAINFILE ARGS...}. */
    public static Result run(Path mainFile, String command, String... args) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        List<String> argv = new ArrayList<>(List.of(command, "-c", mainFile.toString()));
        argv.addAll(List.of(args));
        int exit = Main.run(argv.toArray(String[]::new), out, out);
        return new Result(exit, text.toString());
    }
}
