package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.control.server.ControlServer;
import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.supervision.TestWorkers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real daemon for CLI tests: a configuration tree written to a temporary directory and read by the real loader,
 * a {@link SupervisorCore} running small real test workers, and the control server on the configured socket.
 * {@link #run} executes a CLI command in-process, as {@code orchestrator ARGS}, capturing its output.
 */
final class ControlHarness implements AutoCloseable {

    /** A CLI run: exit status, standard output, standard error. */
    record Run(int status, String out, String err) {
        /** Standard output's lines. */
        java.util.List<String> lines() { return out.lines().toList(); }
    }

    final Path dir;
    final Path mainFile;
    final TestWorkers workers = new TestWorkers();
    private LogSystem logs;
    SupervisorCore daemon;
    ControlServer server;

    ControlHarness(Path dir, String programs) {
        this.dir = dir;
        this.mainFile = dir.resolve("etc/supervisord.conf");
        writeConfig(programs);
    }

    /** Writes the main file: daemon settings under {@link #dir}, then {@code programs} (INI sections). */
    void writeConfig(String programs) {
        writeConfig(dir, programs);
    }

    /**
     * Writes {@code dir/etc/supervisord.conf}: socket and pidfile in {@code dir/run}, logs in {@code dir/logs},
     * then {@code programs}; returns its path.
     */
    static Path writeConfig(Path dir, String programs) {
        Path mainFile = dir.resolve("etc/supervisord.conf");
        try {
            Files.createDirectories(dir.resolve("etc"));
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(mainFile, String.join("\n",
                    "[unix_http_server]",
                    "file=%(here)s/../run/orchestrator.sock",
                    "[supervisorctl]",
                    "serverurl=unix://%(here)s/../run/orchestrator.sock",
                    "[supervisord]",
                    "logfile=%(here)s/../logs/orchestrator.log",
                    "pidfile=%(here)s/../run/orchestrator.pid",
                    "childlogdir=%(here)s/../logs",
                    "") + programs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mainFile;
    }

    /** How the daemon's reader decides the way each program runs (none by default: as read). */
    java.util.function.UnaryOperator<Configuration> planner = c -> c;

    Configuration load() {
        Configuration c = planner.apply(ConfigLoader.load(mainFile));
        if (c.hasErrors()) throw new IllegalStateException("test configuration: " + c.problems());
        return c;
    }

    ControlHarness start() throws Fault, IOException {
        Configuration c = load();
        logs = LogSystem.start(c.supervisord(), false);
        daemon = new SupervisorCore(c, workers, logs.processLogs(), () -> planner.apply(ConfigLoader.load(mainFile)));
        daemon.start();
        server = ControlServer.start(c.supervisord().socketFile(), daemon, null,
                dev.orchestrator.daemon.HttpRoutes.supervisord(new dev.orchestrator.http.Routes(), daemon),
                c.supervisord().socketCredentials());
        daemon.terminated().thenRun(server::close);
        return this;
    }

    Path socket() { return load().supervisord().socketFile(); }

    /** {@code orchestrator ARGS} in this JVM against this daemon's configuration. */
    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = args[0];
        withConfig[1] = "-c";
        withConfig[2] = mainFile.toString();
        System.arraycopy(args, 1, withConfig, 3, args.length - 1);
        int status = Main.run(withConfig, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** {@code orchestrator ARGS} as given (global options and all), with {@code input} as standard input. */
    static Run main(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new java.io.BufferedReader(new java.io.StringReader(input)),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    void awaitState(String group, String name, ProcessState state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> daemon.processInfo(group, name).state() == state);
    }

    @Override
    public void close() {
        if (server != null) server.close();
        if (daemon != null) daemon.close();
        if (logs != null) logs.close();
    }
}
