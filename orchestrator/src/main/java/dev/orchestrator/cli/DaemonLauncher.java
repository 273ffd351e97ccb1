package dev.orchestrator.cli;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Home;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.Unreachable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code start -d}: starts {@code orchestrator daemon} in the background when no daemon answers on the socket, and
 * waits until one does. The daemon runs through the same launcher (bin/orchestrator, which passes its own path as
 * {@code orchestrator.launcher}) or else the same java and class path as this CLI, in its own session (setsid) so
 * that the terminal's Ctrl-C or hang-up does not reach it, and {@code --silent}: its main log goes to its log file
 * only, and what else it prints (configuration problems, why it could not start) is appended to
 * {@code orchestrator.out} beside that log; when it exits before answering, what it wrote there is shown.
 */
final class DaemonLauncher {

    static final long START_TIMEOUT_SECONDS = 60;
    private static final long POLL_MILLIS = 50;
    private static final int MAX_LINES_SHOWN = 20;

    private final ControlOptions options;
    private final Consumer<String> err;

    DaemonLauncher(ControlOptions options, Consumer<String> err) {
        this.options = options;
        this.err = err;
    }

    /** Returns once a daemon answers at {@code socket}, starting one if needed. */
    void ensureRunning(Path socket) throws Unreachable {
        if (ControlClient.answers(socket)) return;
        Path output = outputFile();
        long before;
        Process daemon;
        try {
            Files.createDirectories(output.getParent());
            before = Files.exists(output) ? Files.size(output) : 0;
            daemon = new ProcessBuilder(command())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            err.accept("Error: cannot start the daemon: " + e.getMessage());
            throw ControlClient.unreachable(socket);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        err.accept("orchestrator: starting the daemon (its console output: " + output + ")");
        while (!ControlClient.answers(socket)) {
            if (!daemon.isAlive()) {
                printSince(output, before);
                err.accept("Error: the daemon exited with status " + daemon.exitValue() + "; see " + output);
                throw ControlClient.unreachable(socket);
            }
            if (System.nanoTime() > deadline) {
                err.accept("Error: the daemon did not listen on " + socket + " within " + START_TIMEOUT_SECONDS
                        + " s; see " + output);
                throw ControlClient.unreachable(socket);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ControlClient.unreachable(socket);
            }
        }
    }

    /** The daemon's console output: {@code orchestrator.out} in the directory of {@code [supervisord] logfile}. */
    private Path outputFile() {
        Path log = ConfigLoader.load(options.configFile()).supervisord().logfile();
        Path dir = log == null ? Home.get().resolve("logs") : log.toAbsolutePath().getParent();
        return dir.resolve("orchestrator.out");
    }

    /** What the daemon wrote to {@code output} after {@code offset}: the last lines, as it said them. */
    private void printSince(Path output, long offset) {
        try {
            String text = new String(Files.readAllBytes(output), java.nio.charset.StandardCharsets.UTF_8);
            String said = text.substring((int) Math.min(offset, text.length()));
            List<String> lines = said.lines().toList();
            lines.subList(Math.max(0, lines.size() - MAX_LINES_SHOWN), lines.size()).forEach(err);
        } catch (IOException e) {
            err.accept("Error: cannot read " + output + ": " + e.getMessage());
        }
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) cmd.add("/usr/bin/setsid");
        cmd.addAll(Home.command());
        cmd.add("daemon");
        cmd.add("--silent");
        cmd.add("--config");
        cmd.add(options.configFile().toString());
        return cmd;
    }
}
