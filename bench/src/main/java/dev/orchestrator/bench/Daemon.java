package dev.orchestrator.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real orchestrator daemon, started as a user starts it ({@code bin/orchestrator daemon}) on a generated
 * {@link ConfigTree} (named by {@code ORCHESTRATOR_CONFIG}), and the CLI commands run against it, each a whole
 * process as a user runs it. The launcher execs the JVM, so the process started here is the daemon itself: its
 * resident memory is read from {@code /proc/PID/status}.
 */
final class Daemon implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Path launcher;
    private final Path mainFile;
    private final Map<String, String> environment;
    private final Process process;

    private Daemon(Path launcher, Path mainFile, Map<String, String> environment, Process process) {
        this.launcher = launcher;
        this.mainFile = mainFile;
        this.environment = environment;
        this.process = process;
    }

    /**
     * Starts the daemon of {@code tree} (its output in logs/daemon.out there) and returns once its control socket
     * answers. {@code javaOptions}: the daemon JVM's options (ORCHESTRATOR_DAEMON_JAVA_OPTS), null for the launcher's.
     */
    static Daemon start(Path home, Path tree, Path mainFile, String javaOptions) throws IOException, InterruptedException {
        Path launcher = home.resolve("orchestrator/bin/orchestrator");
        Map<String, String> environment = javaOptions == null ? Map.of("ORCHESTRATOR_CONFIG", mainFile.toString())
                : Map.of("ORCHESTRATOR_CONFIG", mainFile.toString(), "ORCHESTRATOR_DAEMON_JAVA_OPTS", javaOptions);
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "daemon").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tree.resolve("logs/daemon.out").toFile()));
        builder.environment().putAll(environment);
        Daemon daemon = new Daemon(launcher, mainFile, environment, builder.start());
        daemon.awaitSocket(tree.resolve("run/orchestrator.sock"));
        return daemon;
    }

    private void awaitSocket(Path socket) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!answers(socket)) {
            if (!process.isAlive()) throw new IOException("the daemon exited with status " + process.exitValue() + "; see " + socket.getParent().resolveSibling("logs/daemon.out"));
            if (System.nanoTime() > deadline) throw new IOException("the daemon did not listen on " + socket + " within 60 s");
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) return false;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    long pid() { return process.pid(); }

    /** The daemon's resident set size in MiB ({@code VmRSS} of /proc/PID/status). */
    double rssMb() throws IOException {
        return ProcessMemory.rssMb(process.pid());
    }

    /** Runs {@code orchestrator ARGS...} against this daemon and waits for it (one at a time: its CPU time is read from this JVM's children's). */
    CliRun cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return run(command, environment);
    }

    /** Runs {@code command} with {@code environment} added and waits for it: its output, wall and CPU time. */
    static synchronized CliRun run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        String[] args = command.subList(1, command.size()).toArray(String[]::new);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        double cpu = ProcessCpu.childrenSeconds();
        long start = System.nanoTime();
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(120, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IOException(command.get(0) + " " + String.join(" ", args) + " did not end within 120 s");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new CliRun(cli.exitValue(), output, millis, (ProcessCpu.childrenSeconds() - cpu) * 1000);
    }

    /** Like {@link #cli} but a non-zero exit is an error naming the command and its output. */
    CliRun check(String... args) throws IOException, InterruptedException {
        CliRun run = cli(args);
        if (run.exit() != 0) {
            throw new IOException("orchestrator " + String.join(" ", args) + " (config " + mainFile + ") exited "
                    + run.exit() + ": " + run.output().strip());
        }
        return run;
    }

    /** {@code orchestrator shutdown}, then waits for the process; kills it if it does not end in 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!process.isAlive()) return;
        try {
            cli("shutdown");
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A finished CLI command: exit status, its output (stdout and stderr), wall time from fork to exit and CPU time
     * (user + system, of the launcher script and the JVM), in ms.
     */
    record CliRun(int exit, String output, double millis, double cpuMillis) { }
}
