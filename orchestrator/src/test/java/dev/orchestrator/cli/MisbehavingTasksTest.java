package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.supervision.Fault;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks that misbehave beside a healthy engine, in the real daemon (this JVM) on the real RabbitMQ: a task stuck
 * past stopwaitsecs (blocked or spinning, deaf to interrupts) and a task that leaks threads. What each does to the
 * other engine, to the events in flight, to the daemon's threads and to {@code status} (docs/runtime.md, "What a
 * task can do to the daemon").
 */
class MisbehavingTasksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @TempDir
    Path dir;

    /** Opened by each test's end: every thread its tasks held ends. */
    private final CountDownLatch release = new CountDownLatch(1);
    private String brokerUri;
    private Daemon daemon;
    private Path mainFile;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (daemon != null) daemon.close();
    }

    /**
     * Engine {@code stuck} (2 workers, prefetch 1): worker 0's task blocks deaf to interrupts, worker 1's spins on
     * the CPU; engine {@code healthy} beside it. Still RUNNING, a task busy past stopwaitsecs is in the description.
     * Stopping {@code stuck} past stopwaitsecs (1 s) abandons both
     * threads with a line naming program, engine, worker and event and the stack; starting it again is refused
     * (spawn error, FATAL) as long as they live, so three starts add no thread; status and status --json say where
     * each is stuck; the healthy engine forwards every event throughout; the events in hand went back to the
     * queue and, counted as a death each by the in-hand journal, go to the error queue past max_retries (0) once
     * the threads end and the engine starts again.
     */
    @Test
    void aStuckTaskIsReportedItsRestartsAddNoThreadAndTheOtherEngineFlows() throws Exception {
        CountDownLatch inTask = new CountDownLatch(2);
        DefaultTaskRegistry registry = TaskRegistries.discover(null);
        registry.register("test.stuck", (EventTask) (engine, event, logger, params) -> {
            inTask.countDown();
            if (engine.worker() == 0) block(release);
            else spin(release);
            return event;
        });
        start(registry, """
                [program:stuck]
                command=engine-launcher -e dynamic -n stuck -w %(process_num)d -l info
                numprocs=2
                process_name=engine-stuck-%(process_num)d
                [program:healthy]
                command=engine-launcher -e dynamic -n healthy -w 0 -l info
                [engine:stuck]
                event_processing=test.stuck
                prefetch=1
                max_retries=0
                [engine:healthy]
                """);
        try (AmqpProbe probe = new AmqpProbe(brokerUri)) {
            probe.publish("", "Engine_stuck", event(1));
            probe.publish("", "Engine_stuck", event(2));
            probe.confirmed();
            assertTrue(inTask.await(20, TimeUnit.SECONDS), "both workers in their task");
            await().atMost(Duration.ofSeconds(10)).until(() -> info("engine-stuck-0").description()
                    .matches("pid \\d+, uptime [0-9:]+; task busy \\d+ s in dev.orchestrator.cli.MisbehavingTasksTest.block"));
            assertEquals(ProcessState.RUNNING, info("engine-stuck-0").state());
            assertTrue(info("healthy").description().matches("pid \\d+, uptime [0-9:]+"), info("healthy").description());

            daemon.supervisor().stopProcess("stuck", "engine-stuck-0", false);
            daemon.supervisor().stopProcess("stuck", "engine-stuck-1", true);
            await().atMost(Duration.ofSeconds(5)).until(() -> info("engine-stuck-0").state() == ProcessState.STOPPED);
            String mainLog = Files.readString(dir.resolve("main.log"));
            assertTrue(mainLog.contains("WARN abandoned the thread of engine-stuck-0 (pid "), mainLog);
            // WAITING, or RUNNABLE for the moment it swallows the interrupt and waits again
            assertTrue(mainLog.matches("(?s).* of program stuck: still running after its stop request, abort and"
                    + " interrupt; engine stuck worker 0 has the event 'Engine_stuck' \\(fingerprint [0-9a-f]{16}\\)"
                    + " in its task for [0-9.]+ s\n.*ThreadStack: stack of thread engine-stuck-0 \\((WAITING|RUNNABLE)\\)\n"
                    + "(\tat java.base/.*\n)+\tat .*MisbehavingTasksTest.block\\(.*"),
                    mainLog);
            assertTrue(mainLog.contains("ThreadStack: stack of thread engine-stuck-1 (RUNNABLE)"), mainLog);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.ready("Engine_stuck") == 2); // none lost

            for (int restart = 1; restart <= 3; restart++) {
                for (String worker : List.of("engine-stuck-0", "engine-stuck-1")) {
                    Fault refused = assertThrows(Fault.class,
                            () -> daemon.supervisor().startProcess("stuck", worker, true));
                    assertEquals(Fault.Code.SPAWN_ERROR, refused.code());
                    assertEquals(ProcessState.FATAL, info(worker).state());
                }
                assertEquals(2, stuckThreads(), "one thread per worker, however many starts");
                feedHealthy(probe, 100, 100 * restart);
            }
            assertTrue(info("engine-stuck-0").description().matches("not started: the thread of its last run is"
                    + " still alive past its stop \\(.*\\); task stuck \\d+ s in dev.orchestrator.cli"
                    + ".MisbehavingTasksTest.block \\(thread alive\\)"), info("engine-stuck-0").description());
            JsonNode status = statusJson();
            assertTrue(process(status, "stuck:engine-stuck-1").path("counters").path("stuck_thread").asText()
                    .matches("task stuck \\d+ s in dev.orchestrator.cli.MisbehavingTasksTest.spin \\(thread alive\\)"),
                    status::toPrettyString);
            assertTrue(process(status, "healthy").path("counters").path("stuck_thread").isMissingNode());

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> stuckThreads() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("main.log"))
                    .contains("abandoned thread of engine-stuck-1 (pid "));
            assertTrue(!info("engine-stuck-0").description().contains("task stuck"));
            for (String worker : List.of("engine-stuck-0", "engine-stuck-1")) {
                daemon.supervisor().startProcess("stuck", worker, true);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.ready("Engine_stuck.errors") == 2);
            assertEquals(0, probe.ready("Engine_stuck"));
        }
    }

    /**
     * Engine {@code leaky}'s task starts a thread per event that never ends; engine {@code healthy} starts none.
     * status --json counts them on leaky's worker only ({@code task_threads}), and they end with the test.
     */
    @Test
    void threadsATaskStartsAreCountedOnItsEngineOnly() throws Exception {
        DefaultTaskRegistry registry = TaskRegistries.discover(null);
        registry.register("test.leak", (EventTask) (engine, event, logger, params) -> {
            Thread leaked = new Thread(() -> block(release), "leaked-by-a-task");
            leaked.setDaemon(true);
            leaked.start();
            return event;
        });
        start(registry, """
                [program:leaky]
                command=engine-launcher -e dynamic -n leaky -w 0 -l info
                [program:healthy]
                command=engine-launcher -e dynamic -n healthy -w 0 -l info
                [engine:leaky]
                event_processing=test.leak
                [engine:healthy]
                """);
        try (AmqpProbe probe = new AmqpProbe(brokerUri)) {
            for (int i = 0; i < 3; i++) probe.publish("", "Engine_leaky", event(i));
            probe.confirmed();
            feedHealthy(probe, 100, 100);
            await().atMost(Duration.ofSeconds(10)).until(() -> counter("leaky", "task_threads") == 3);
            JsonNode status = statusJson();
            assertEquals(3, process(status, "leaky").path("counters").path("task_threads").asInt(),
                    status::toPrettyString);
            assertEquals(0, process(status, "healthy").path("counters").path("task_threads").asInt(),
                    status::toPrettyString);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> counter("leaky", "task_threads") == 0);
        }
    }

    private void start(DefaultTaskRegistry registry, String programs) throws Exception {
        brokerUri = BROKERS.uri(BrokerKind.RABBITMQ);
        mainFile = dir.resolve("supervisord.conf");
        Files.writeString(mainFile, """
                [unix_http_server]
                file=%(here)s/orchestrator.sock
                [supervisord]
                logfile=%(here)s/main.log
                childlogdir=%(here)s
                """ + programs.replace("-l info\n",
                "-l info\nstartsecs=0\nstartretries=0\nstopwaitsecs=1\nredirect_stderr=true\n"));
        Configuration configuration = ConfigLoader.load(mainFile);
        if (configuration.hasErrors()) throw new IllegalStateException(configuration.problems().toString());
        daemon = Daemon.start(configuration, new Daemon.Options(brokerUri, 0, false), (current, amqp) ->
                new EngineWorkerFactory(() -> current.get().engines(), amqp, registry)
                        .journalIn(() -> dir.resolve(".inhand")));
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.supervisor().allProcessInfo().stream()
                .allMatch(p -> p.state() == ProcessState.RUNNING));
    }

    /** Feeds the healthy engine {@code n} events and waits until it has taken {@code total} in all. */
    private void feedHealthy(AmqpProbe probe, int n, int total) throws Exception {
        for (int i = 0; i < n; i++) probe.publish("", "Engine_healthy", event(i));
        probe.confirmed();
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("healthy", "events_in") >= total);
    }

    private ProcessInfo info(String name) throws Fault {
        return named(daemon.supervisor().allProcessInfo(), name);
    }

    /** A counter of {@code name}'s, live ones included. */
    private long counter(String name, String key) throws Fault {
        Object value = named(daemon.supervisor().liveProcessInfo(), name).counters().get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static ProcessInfo named(List<ProcessInfo> processes, String name) throws Fault {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new Fault(Fault.Code.BAD_NAME, name));
    }

    private static long stuckThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().matches("engine-stuck-\\d"))
                .count();
    }

    private JsonNode statusJson() throws Exception {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"status", "-c", mainFile.toString(), "--json"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        return JSON.readTree(out.toString());
    }

    private static JsonNode process(JsonNode status, String name) {
        for (JsonNode p : status.path("processes")) {
            if (p.path("name").asText().equals(name)) return p;
        }
        throw new AssertionError(name + " not in " + status.toPrettyString());
    }

    private static ObjectNode event(int id) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("connector", "test").put("event_type", "check");
    }

    /** Blocks until {@code release} opens, deaf to interrupts (a task swallowing InterruptedException). */
    static void block(CountDownLatch release) {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException e) {
                // swallowed
            }
        }
    }

    /** Spins on the CPU until {@code release} opens, deaf to interrupts (a busy loop). */
    static void spin(CountDownLatch release) {
        while (release.getCount() > 0) {
            Thread.onSpinWait();
        }
    }
}
