package dev.orchestrator.childprocess;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.logging.LogSystem;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.supervision.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real supervisor running real child processes from a real configuration file (read by the daemon's loader) in a
 * temporary directory, with its main log there.
 */
final class ChildHarness implements AutoCloseable {

    final Path dir;
    final SupervisorCore supervisor;
    private final LogSystem logs;
    private final Configuration configuration;

    /** {@code programs}: the {@code [program:x]} sections; {@code %(here)s} is the temporary directory. */
    ChildHarness(Path dir, String programs) throws Fault {
        this.dir = dir;
        Path main = dir.resolve("supervisord.conf");
        write(main, "[supervisord]\nlogfile=%(here)s/main.log\nloglevel=debug\npidfile=%(here)s/d.pid\n"
                + "childlogdir=%(here)s\n[unix_http_server]\nfile=%(here)s/s.sock\n" + programs);
        configuration = ConfigLoader.load(main, Map.of("PATH", System.getenv("PATH")), dir);
        assertEquals(List.of(), configuration.problems().stream()
                .filter(p -> p.severity() == dev.orchestrator.config.Problem.Severity.ERROR).toList());
        logs = LogSystem.start(configuration.supervisord(), false);
        WorkerFactory noThreads = p -> {
            throw new SpawnException("no threads in this test");
        };
        supervisor = new SupervisorCore(configuration, WorkerFactory.byExecution(noThreads,
                new ChildProcessFactory(logs.processLogs(), launch -> List.of())), logs.processLogs(),
                () -> configuration);
        supervisor.start();
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessInfo info(String name) throws Fault { return supervisor.processInfo(name, name); }

    ProcessInfo awaitState(String name, ProcessState state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> info(name).state() == state);
        try {
            return info(name);
        } catch (Fault e) {
            throw new AssertionError(e);
        }
    }

    String read(String file) {
        try {
            Path p = dir.resolve(file);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String mainLog() { return read("main.log"); }

    void awaitMainLog(String text) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mainLog().contains(text));
    }

    @Override
    public void close() {
        supervisor.close();
        logs.close();
    }
}
