package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;

import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.control.protocol.ControlSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/orchestrator daemon} as its own process, on a configuration written by
 * {@link ControlHarness#writeConfig} under {@code dir} (main log {@code dir/logs/orchestrator.log}, socket
 * {@code dir/run/orchestrator.sock}); its console output goes to {@code dir/daemon.out}. Closing it ends it
 * (SIGTERM, then SIGKILL after 30 s).
 */
final class DaemonProcess implements AutoCloseable {

    private static final Path LAUNCHER = Path.of("bin/orchestrator").toAbsolutePath();

    final Path dir;
    final Process process;

    private DaemonProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts the daemon on {@code amqpUri} with {@code programs} (INI sections); returns once it was spawned. */
    static DaemonProcess start(Path dir, String amqpUri, String programs) throws IOException {
        Path config = ControlHarness.writeConfig(dir, programs);
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "daemon", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile());
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put(AmqpSettings.URI_ENV, amqpUri);
        return new DaemonProcess(dir, pb.start());
    }

    long pid() { return process.pid(); }

    Path socket() { return dir.resolve("run/orchestrator.sock"); }

    Path mainLog() { return dir.resolve("logs/orchestrator.log"); }

    String mainLogText() {
        try {
            return Files.exists(mainLog()) ? Files.readString(mainLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CLI command's exit status and standard output. */
    record Cli(int status, String out) { }

    /** {@code bin/orchestrator COMMAND -c CONFIG ARGS} against this daemon. */
    Cli cli(String command, String... args) throws IOException, InterruptedException {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of(LAUNCHER.toString(), command, "-c",
                dir.resolve("etc/supervisord.conf").toString()));
        argv.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("orchestrator " + command + " hangs");
        return new Cli(p.exitValue(), out);
    }

    /** Waits until the control socket answers. */
    DaemonProcess awaitControl() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) throw new AssertionError("the daemon ended: " + output());
            return ControlSocket.answers(socket());
        });
        return this;
    }

    String output() {
        try {
            return Files.readString(dir.resolve("daemon.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
