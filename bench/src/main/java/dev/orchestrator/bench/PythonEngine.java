package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Canopsis-style Python engine of {@code bench/python/engine.py} (pika, auto-ack, publishing to its
 * {@code next} as the original engines do) and an interpreter that can run it: {@code $BENCH_PYTHON}, else the first
 * {@code python3} of the PATH, else Debian's {@code /usr/bin/python3} that imports pika (Debian's python3-pika).
 */
final class PythonEngine {

    /** Why the Python scenarios are skipped when no interpreter has pika. */
    static final String MISSING = "no python3 with pika (Debian's python3-pika; or BENCH_PYTHON=/path/to/python3):"
            + " no side-by-side figures with the Python engine";

    private final Path interpreter;
    private final Path script;

    private PythonEngine(Path interpreter, Path script) {
        this.interpreter = interpreter;
        this.script = script;
    }

    /** The engine of the build tree {@code home} with an interpreter that imports pika; empty when there is none. */
    static Optional<PythonEngine> find(Path home) throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("BENCH_PYTHON");
        if (configured != null && !configured.isBlank()) candidates.add(configured);
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        Path script = home.resolve("bench/python/engine.py");
        for (String candidate : candidates) {
            Optional<Path> executable = withPika(candidate);
            if (executable.isPresent()) return Optional.of(new PythonEngine(executable.get(), script));
        }
        return Optional.empty();
    }

    /** The interpreter's own path ({@code sys.executable}, past a pyenv shim) when it imports pika. */
    private static Optional<Path> withPika(String python) throws InterruptedException {
        return CommandOutput.of(List.of(python, "-c", "import pika, sys; print(sys.executable)"))
                .filter(out -> !out.isEmpty()).map(Path::of);
    }

    /** The command line of worker {@code worker} of engine {@code name} configured in {@code etc}, as engine-launcher's. */
    List<String> command(Path etc, String name, String worker) {
        return List.of(interpreter.toString(), script.toString(), "-e", "dynamic", "-n", name, "-w", worker, "-l", "info",
                "--etc", etc.toString());
    }

    /** The interpreter and the script, for the report's settings. */
    @Override
    public String toString() {
        return interpreter + " " + script;
    }

    /** Starts one engine process, its output appended to {@code log}. */
    Process start(Path etc, String name, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command(etc, name, "0")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
