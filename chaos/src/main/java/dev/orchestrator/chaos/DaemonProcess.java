package dev.orchestrator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One {@code orchestrator daemon} process, started through the real launcher ({@code bin/orchestrator}) on an
 * {@link Installation} with the chaos task library as its plugins, against a broker URI. Stops with SIGTERM (or
 * dies with SIGKILL); {@link #close()} makes sure it is gone.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Installation installation;
    private final Process process;

    private DaemonProcess(Installation installation, Process process) {
        this.installation = installation;
        this.process = process;
    }

    /** Starts the daemon and waits until every autostart worker is RUNNING. */
    public static DaemonProcess start(Lab lab, Installation installation, String amqpUri) throws IOException {
        DaemonProcess daemon = launch(lab, installation, amqpUri);
        daemon.awaitAllRunning(Duration.ofSeconds(90));
        return daemon;
    }

    /** Starts the daemon without waiting for its workers. */
    public static DaemonProcess launch(Lab lab, Installation installation, String amqpUri) throws IOException {
        Path launcher = lab.home().resolve("orchestrator/bin/orchestrator");
        Path output = installation.root().resolve("logs/daemon.out");
        Process process = new ProcessBuilder(launcher.toString(), "daemon", "-c", installation.mainFile().toString(),
                "--amqp-uri", amqpUri, "--plugins", Plugins.directory(lab).toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true)
                .start();
        DaemonProcess daemon = lab.register(new DaemonProcess(installation, process));
        lab.log("daemon pid " + process.pid() + " started on " + installation.root());
        return daemon;
    }

    public long pid() { return process.pid(); }

    public Installation installation() { return installation; }

    public boolean alive() { return process.isAlive(); }

    /** Waits until {@code status} lists every worker of the chain RUNNING. */
    public void awaitAllRunning(Duration timeout) {
        int expected = installation.engines().size() * installation.workers();
        Awaitility.await("all " + expected + " workers RUNNING (daemon " + pid() + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the daemon exited with " + process.exitValue() + ": "
                                + tail(installation.root().resolve("logs/daemon.out")));
                    }
                    return running() >= expected;
                });
    }

    /** Processes RUNNING, per {@code status --json}; -1 when the daemon does not answer. */
    public int running() {
        JsonNode status = status();
        if (status == null) return -1;
        int n = 0;
        for (JsonNode p : status.path("processes")) if (p.path("state").asText().equals("RUNNING")) n++;
        return n;
    }

    /** Each process's {@code reconnects} counter and start time, to tell later that it reconnected. */
    public record Mark(long reconnects, long start) { }

    /** The {@link Mark} of each process (none when the daemon does not answer). */
    public Map<String, Mark> reconnects() {
        Map<String, Mark> map = new HashMap<>();
        JsonNode status = status();
        if (status != null) {
            for (JsonNode p : status.path("processes")) {
                map.put(p.path("name").asText(),
                        new Mark(p.path("counters").path("reconnects").asLong(), p.path("start").asLong()));
            }
        }
        return map;
    }

    /**
     * Waits until every worker reconnected since {@code before} (its {@code reconnects} counter grew, or it was
     * restarted) and is connected and RUNNING again.
     */
    public void awaitReconnected(Map<String, Mark> before, Duration timeout) {
        Awaitility.await("every worker reconnected").atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status = status();
            if (status == null) return false;
            for (JsonNode p : status.path("processes")) {
                Mark was = before.get(p.path("name").asText());
                if (was == null) continue;
                JsonNode counters = p.path("counters");
                boolean again = counters.path("reconnects").asLong() > was.reconnects()
                        || p.path("start").asLong() != was.start();
                if (!again || !counters.path("connected").asBoolean() || !p.path("state").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** {@code orchestrator status --json}, or null when the daemon does not answer. */
    public JsonNode status() {
        Cli.Result r = Cli.run(installation.mainFile(), "status", "--json");
        if (r.exit() == 4) return null;
        try {
            return JSON.readTree(r.output());
        } catch (IOException e) {
            return null;
        }
    }

    /** SIGKILL, and waits for the end. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; true if it exited within {@code timeout}. */
    public boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() { return process.exitValue(); }

    /** Waits for the daemon to end by itself; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the daemon " + pid() + " still runs after " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !terminate(Duration.ofSeconds(30))) kill9();
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
