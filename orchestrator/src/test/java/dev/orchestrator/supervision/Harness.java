package dev.orchestrator.supervision;

import static org.awaitility.Awaitility.await;

import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.GroupConfig;
import dev.orchestrator.logging.LogSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real supervisor with a real main log in a temporary directory, recording every transition. */
final class Harness implements AutoCloseable {

    /** One recorded transition, with its monotonic time on the supervisor's clock. */
    record Step(String name, ProcessState from, ProcessState to, long nanos, ProcessInfo info) { }

    final Path dir;
    final TestWorkers workers = new TestWorkers();
    final List<Step> steps = new CopyOnWriteArrayList<>();
    final LogSystem logs;
    SupervisorCore supervisor;
    Configuration configuration;
    /** The supervisor's clock, set before {@link #start}: the system's unless a test drives its own. */
    SupervisorClock clock = SupervisorClock.SYSTEM;

    Harness(Path dir) {
        this.dir = dir;
        configuration = TestProcesses.configuration(dir);
        logs = LogSystem.start(configuration.supervisord(), false);
    }

    Harness start(GroupConfig... groups) throws Fault {
        configuration = TestProcesses.configuration(dir, groups);
        supervisor = new SupervisorCore(configuration, workers, logs.processLogs(), () -> configuration, clock);
        supervisor.addListener(e -> steps.add(new Step(e.process().name(), e.from(), e.to(), clock.nanoTime(),
                e.process())));
        supervisor.start();
        return this;
    }

    ProcessInfo info(String name) throws Fault { return supervisor.processInfo(name, name); }

    ProcessState state(String name) throws Fault { return info(name).state(); }

    void awaitState(String name, ProcessState state) { awaitState(name, name, state); }

    void awaitState(String group, String name, ProcessState state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.processInfo(group, name).state() == state);
    }

    List<Step> steps(String name) { return steps.stream().filter(s -> s.name().equals(name)).toList(); }

    List<Step> entered(String name, ProcessState state) {
        return steps(name).stream().filter(s -> s.to() == state).toList();
    }

    String mainLog() {
        try {
            Path log = configuration.supervisord().logfile();
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitMainLog(String text) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mainLog().contains(text));
    }

    @Override
    public void close() {
        if (supervisor != null) supervisor.close();
        logs.close();
    }
}
