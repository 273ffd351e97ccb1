package dev.orchestrator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code supervisorctl} (Debian's supervisor package; .ci/run installs it) run as a child process with
 * {@code -c MAINFILE}: what operators and their tools run against supervisord.
 */
final class Supervisorctl {

    static final String BINARY = "/usr/bin/supervisorctl";

    /** One run: exit status and standard output (supervisorctl prints everything there). */
    record Run(int status, String out) {
        List<String> lines() { return out.lines().toList(); }
    }

    private final Path mainFile;

    Supervisorctl(Path mainFile) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install supervisor (.ci/run does)");
        }
        this.mainFile = mainFile;
    }

    Run run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("supervisorctl " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), out);
    }

    /** Started, its output and errors merged; the caller reads and ends it. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY, "-c", mainFile.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
