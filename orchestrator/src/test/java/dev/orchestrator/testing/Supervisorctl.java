package dev.orchestrator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code supervisorctl} (Debian's supervisor package; .ci/run installs it) run as a child process with
 * {@code -c MAINFILE}: what operators and their tools run against supervisord.
 */
public final class Supervisorctl {

    public static final String BINARY = "/usr/bin/supervisorctl";

    /**
     * The start of a main file that supervisord and the daemon both serve, for supervisorctl {@code -c} it: the
     * socket {@code ctl.sock}, the main log, pidfile and child logs beside the file.
     */
    public static final String SERVER = """
            [unix_http_server]
            file=%(here)s/ctl.sock
            [supervisorctl]
            serverurl=unix://%(here)s/ctl.sock
            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
            [supervisord]
            logfile=%(here)s/main.log
            pidfile=%(here)s/daemon.pid
            childlogdir=%(here)s
            """;

    /** One run: exit status and standard output (supervisorctl prints everything there). */
    public record Run(int status, String out) {
        public List<String> lines() { return out.lines().toList(); }
    }

    private final Path mainFile;
    private final Map<String, String> environment;

    public Supervisorctl(Path mainFile) {
        this(mainFile, Map.of());
    }

    /** With {@code environment} added to this JVM's (a {@code HOME} for a main file that says {@code ~/}). */
    public Supervisorctl(Path mainFile, Map<String, String> environment) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install supervisor (.ci/run does)");
        }
        this.mainFile = mainFile;
        this.environment = Map.copyOf(environment);
    }

    public Run run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("supervisorctl " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), out);
    }

    /** Appends to {@code seen} what {@code in} (a started run's output) has now, without blocking; all seen. */
    public static String readAvailable(InputStream in, StringBuilder seen) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (in.available() > 0) b.write(in.read());
        seen.append(b.toString(StandardCharsets.UTF_8));
        return seen.toString();
    }

    /** Started, its output and errors merged; the caller writes its input, reads its output and ends it. */
    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY, "-c", mainFile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        return pb.start();
    }
}
