package dev.orchestrator.engines.chain;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.plugin.TaskRegistries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the shipped {@code etc/} under a test's home directory (its logs and socket land there too), and the real
 * daemon running it in this JVM against a test broker, with the engines of the classpath.
 */
public final class ChainFixture {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHIPPED_ETC = Path.of("..", "etc").toAbsolutePath().normalize();

    private ChainFixture() { }

    /**
     * Copies the shipped etc/ to {@code home/etc} ({@code [inet_http_server]} moved to a free port, so that runs side
     * by side do not collide), makes {@code home/logs} and returns the copy's main file.
     */
    public static Path copyShippedEtc(Path home) throws IOException {
        Files.createDirectories(home.resolve("logs"));
        Path etc = home.resolve("etc");
        try (Stream<Path> files = Files.walk(SHIPPED_ETC)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = etc.resolve(SHIPPED_ETC.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path main = etc.resolve("supervisord.conf");
        try (ServerSocket free = new ServerSocket(0)) {
            Files.writeString(main, Files.readString(main).replace("port=127.0.0.1:9001",
                    "port=127.0.0.1:" + free.getLocalPort()));
        }
        return main;
    }

    /** Starts the daemon on {@code mainFile} against {@code amqpUri} and waits until every process is RUNNING. */
    public static Daemon start(Path mainFile, Path home, String amqpUri) throws Exception {
        Configuration configuration = ConfigLoader.load(mainFile, Map.of(), home);
        if (configuration.hasErrors()) throw new IllegalStateException(configuration.problems().toString());
        Daemon daemon = Daemon.start(configuration, new Daemon.Options(amqpUri, 0, false),
                (current, amqp) -> new EngineWorkerFactory(() -> current.get().engines(), amqp, TaskRegistries.discover(null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.supervisor().allProcessInfo().stream()
                .allMatch(p -> p.state() == ProcessState.RUNNING));
        return daemon;
    }

    /** The JSON objects of a JSON-lines file (none when it does not exist yet). */
    public static List<ObjectNode> lines(Path file) {
        if (!Files.exists(file)) return List.of();
        try {
            return Files.readAllLines(file).stream().map(line -> {
                try {
                    return (ObjectNode) JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode event(String json) {
        return (ObjectNode) json(json);
    }

    public static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
