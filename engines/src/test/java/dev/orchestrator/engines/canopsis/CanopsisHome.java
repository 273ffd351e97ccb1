package dev.orchestrator.engines.canopsis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Canopsis 2016 installation for a test: the real etc/ (orchestrator's test resources, canopsis-2016) copied into
 * a home of its own, its {@code amqp.conf [master]} pointed at a fresh vhost of the RabbitMQ on 127.0.0.1:5672,
 * and the stand-in for the original {@code engine-launcher} (a Python script with pika, test resource
 * canopsis/engine-launcher) in {@code home/bin}, first on PATH. {@link #orchestrator} runs the CLI there as an
 * operator would ({@code HOME} is the home: the tree says {@code ~/} and {@code %(ENV_HOME)s}). Closing it kills
 * what is left (the daemon, by its pidfile, and the stand-ins) and deletes the vhost.
 */
final class CanopsisHome implements AutoCloseable {

    private static final Path LAUNCHER = Path.of("../orchestrator/bin/orchestrator").toAbsolutePath().normalize();
    private static final Path ETC = Path.of("../orchestrator/src/test/resources/canopsis-2016/etc").toAbsolutePath()
            .normalize();

    /** A CLI run: exit status, output and errors merged. */
    record Run(int status, String out) {}

    final Path home;
    final Path config;
    final TestBroker broker;

    CanopsisHome(Path home) throws IOException {
        this.home = home;
        this.config = home.resolve("etc/supervisord.conf");
        try (Stream<Path> files = Files.walk(ETC)) {
            for (Path f : files.toList()) {
                Path to = home.resolve("etc").resolve(ETC.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        for (String dir : List.of("var/log/engines", "var/run", "tmp", "bin")) Files.createDirectories(home.resolve(dir));
        Path standIn = home.resolve("bin/engine-launcher");
        try (var in = CanopsisHome.class.getResourceAsStream("/canopsis/engine-launcher")) {
            Files.copy(in, standIn, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        broker = TestBrokers.rabbitVhost();
        String vhost = broker.uri().substring(broker.uri().lastIndexOf('/') + 1);
        Files.writeString(home.resolve("etc/amqp.conf"), String.join("\n", "[master]", "host=127.0.0.1",
                "port=5672", "userid=guest", "password=guest", "virtual_host=" + URLDecoder.decode(vhost,
                        StandardCharsets.UTF_8), "exchange_name=canopsis", ""));
    }

    /** The environment of an operator's shell in this installation. */
    Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
    }

    /** {@code orchestrator -c etc/supervisord.conf ARGS}. */
    Run orchestrator(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "-c", config.toString()));
        command.addAll(List.of(args));
        Path out = home.resolve("cli.out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(environment());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "orchestrator " + String.join(" ", args) + " ended");
        return new Run(p.exitValue(), Files.readString(out));
    }

    /** The stand-in engine processes still alive (their command line names this home). */
    List<ProcessHandle> standIns() {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(List::of).orElse(List.of())
                .stream().anyMatch(a -> a.startsWith(home.resolve("bin").toString()))).toList();
    }

    @Override
    public void close() throws IOException {
        Path pidfile = home.resolve("var/run/supervisord.pid");
        if (Files.exists(pidfile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidfile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
        standIns().forEach(ProcessHandle::destroyForcibly);
        broker.close();
    }
}
