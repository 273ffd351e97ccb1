package dev.orchestrator.runtime;

import static dev.orchestrator.testing.EngineConfigs.engine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.plugin.DefaultTaskRegistry;
import dev.orchestrator.plugin.DynamicEngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.EngineConfigs;
import dev.orchestrator.testing.RunningWorker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine worker against both brokers: routing, results, errors, beats, sharing, disconnections, stops. */
class EngineWorkerTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DefaultTaskRegistry registry = new DefaultTaskRegistry();
    private final List<RunningWorker> running = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, EngineConfig> engines = new LinkedHashMap<>();
    private BrokerConnector connector;
    private String uri;
    private String prefix;

    EngineWorkerTest() {
        registry.registerEngineType(DynamicEngineType.NAME, new DynamicEngineType(registry));
        registry.register("test.path", (engine, event, logger, params) -> {
            event.withArray("path").add(engine.name());
            return null;
        });
    }

    @AfterEach
    void stopAll() throws Exception {
        for (RunningWorker worker : running) {
            worker.close();
        }
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    /** Engine names unique to the test (the broker lives as long as the class). */
    private String name(String base) {
        return prefix + base;
    }

    private void on(BrokerKind kind, String test) {
        uri = BROKERS.uri(kind);
        prefix = test + "_";
        connector = new BrokerConnector(uri);
    }

    private void define(EngineConfigs... configs) {
        for (EngineConfigs config : configs) {
            EngineConfig built = config.build();
            engines.put(built.name(), built);
        }
    }

    private RunningWorker start(String engine, int worker) throws SpawnException {
        EngineWorkerFactory factory = new EngineWorkerFactory(engines, new AmqpSettings(uri, "canopsis"), registry, connector);
        EngineWorker created = factory.create(new LaunchSpec("dynamic", engine, worker, "info"), null);
        RunningWorker started = RunningWorker.start(created, "worker-" + engine + "-" + worker);
        running.add(started);
        return started;
    }

    private AmqpProbe probe() {
        AmqpProbe probe = new AmqpProbe(uri);
        closeables.add(probe);
        return probe;
    }

    private static ObjectNode event(int id) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("connector", "test").put("connector_name", "probe").put("event_type", "check")
                .put("source_type", "component").put("component", "host" + id).put("id", id);
        return event;
    }

    /** Keeps the worker's thread busy, as a task doing real work would. */
    private static void busyFor(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** Publishes events 0..n-1 to the engine's queue and waits for the broker's confirms. */
    private static void feed(AmqpProbe probe, String engine, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            probe.publish("amq.direct", EngineConfig.queueOf(engine), event(i));
        }
        probe.confirmed();
    }

    private static void awaitConsuming(AmqpProbe probe, String queue, int consumers) {
        await().atMost(WAIT).until(() -> probe.consumers(queue) == consumers);
    }

    private static Set<Integer> ids(List<AmqpProbe.Message> messages) {
        return messages.stream().map(m -> m.json().get("id").asInt()).collect(Collectors.toSet());
    }

    private static Set<Integer> range(int n) {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * old/rabbitmq.py init_queue: on another exchange than amq.direct and without routing_keys, the queue is bound
     * with kombu's empty key (only amq.direct gets the queue's name), what EngineConfig.bindings() and check say;
     * engines/core.py TaskHandler: a task handler consumes its bare name, where the scheduler sends jobs.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void bindsAsCheckPrintsAndATaskHandlerConsumesItsBareName(BrokerKind kind) throws Exception {
        on(kind, "bindings");
        String custom = name("custom"), task = "task_" + name("mail"), sink = name("sink");
        define(engine(custom).bind("canopsis.custom").next(sink), engine(task).next(sink));
        assertEquals(List.of(Map.entry("canopsis.custom", "")), engines.get(custom).bindings());
        assertEquals(task, EngineConfig.queueOf(task));
        AmqpProbe probe = probe();
        probe.topic("canopsis.custom");
        start(custom, 0);
        start(task, 0);
        awaitConsuming(probe, EngineConfig.queueOf(custom), 1);
        awaitConsuming(probe, task, 1);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(sink));
        probe.publish("canopsis.custom", EngineConfig.queueOf(custom), event(0));
        probe.publish("canopsis.custom", "", event(1));
        probe.publish("amq.direct", task, event(2));
        probe.confirmed();
        await().atMost(WAIT).until(() -> out.size() >= 2);
        assertEquals(Set.of(1, 2), ids(out));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aThreeEngineChainDeliversEveryEventTransformed(BrokerKind kind) throws Exception {
        on(kind, "chain");
        String a = name("a"), b = name("b"), c = name("c"), sink = name("sink");
        define(engine(a).bind("canopsis.events", "#").next(b).events("test.path"),
                engine(b).next(c).events("test.path"), engine(c).next(sink).events("test.path"));
        AmqpProbe probe = probe();
        for (String engine : List.of(c, b, a)) {
            start(engine, 0);
        }
        awaitConsuming(probe, EngineConfig.queueOf(a), 1);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(sink));
        int n = 300;
        for (int i = 0; i < n; i++) {
            probe.publish("canopsis.events", "test.probe.check.component.host" + i, event(i));
        }
        probe.confirmed();
        await().atMost(WAIT).until(() -> out.size() >= n);
        assertEquals(range(n), ids(out));
        for (AmqpProbe.Message message : out) {
            assertEquals(List.of(a, b, c), toList(message.json().get("path")));
            assertEquals("application/json", message.properties().getContentType());
            assertEquals(2, message.properties().getDeliveryMode());
            assertEquals(EngineConfig.queueOf(sink), message.routingKey());
        }
        for (String engine : List.of(a, b, c)) {
            await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(engine)) == 0);
        }
        Map<String, Object> counters = running.get(2).worker().counters();
        assertEquals((long) n, counters.get("events_in"));
        assertEquals((long) n, counters.get("events_out"));
        assertEquals(0, (int) (long) (Long) counters.get("errored"));
    }

    private static List<String> toList(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void fansOutToEveryNextOrBalancesOverThem(BrokerKind kind) throws Exception {
        on(kind, "fan");
        String fan = name("fan"), bal = name("bal");
        define(engine(fan).next(name("x"), name("y")), engine(bal).next(name("p"), name("q")).balanced());
        AmqpProbe probe = probe();
        start(fan, 0);
        start(bal, 0);
        awaitConsuming(probe, EngineConfig.queueOf(fan), 1);
        awaitConsuming(probe, EngineConfig.queueOf(bal), 1);
        Map<String, List<AmqpProbe.Message>> out = new LinkedHashMap<>();
        for (String sink : List.of("x", "y", "p", "q")) {
            out.put(sink, probe.collect(EngineConfig.queueOf(name(sink))));
        }
        int n = 100;
        for (int i = 0; i < n; i++) {
            probe.publish("amq.direct", EngineConfig.queueOf(fan), event(i));
            probe.publish("amq.direct", EngineConfig.queueOf(bal), event(i));
        }
        probe.confirmed();
        await().atMost(WAIT).until(() -> out.values().stream().mapToInt(List::size).sum() >= 3 * n);
        assertEquals(range(n), ids(out.get("x")));
        assertEquals(range(n), ids(out.get("y")));
        assertEquals(n / 2, out.get("p").size());
        assertEquals(n / 2, out.get("q").size());
        Set<Integer> balanced = new HashSet<>(ids(out.get("p")));
        balanced.addAll(ids(out.get("q")));
        assertEquals(range(n), balanced);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void dropsAndReplacesAsTheTaskSays(BrokerKind kind) throws Exception {
        on(kind, "drop");
        registry.register("test.dropOdd", (engine, event, logger, params) -> {
            int id = event.get("id").asInt();
            if (id % 2 == 1) {
                return EventTask.DROP;
            }
            return JsonNodeFactory.instance.objectNode().put("id", id).put("replaced", true);
        });
        String e = name("e");
        define(engine(e).next(name("out")).events("test.dropOdd"));
        AmqpProbe probe = probe();
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(name("out")));
        int n = 100;
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> (long) worker.worker().counters().get("events_in") == n);
        await().atMost(WAIT).until(() -> out.size() >= n / 2);
        assertEquals(n / 2, out.size());
        for (AmqpProbe.Message message : out) {
            assertEquals(0, message.json().get("id").asInt() % 2);
            assertEquals(Set.of("id", "replaced"), fieldNames(message.json()));
        }
        assertEquals((long) n / 2, worker.worker().counters().get("dropped"));
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(e)) == 0);
    }

    private static Set<String> fieldNames(ObjectNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void failedEventsLandInTheErrorQueueWithTheirReasonAndNothingIsLost(BrokerKind kind) throws Exception {
        on(kind, "errors");
        registry.register("test.failEvery3", (engine, event, logger, params) -> {
            if (event.get("id").asInt() % 3 == 0) {
                throw new IllegalStateException("no multiples of 3: " + event.get("id").asInt());
            }
            return null;
        });
        String e = name("e");
        define(engine(e).next(name("out")).events("test.failEvery3"));
        AmqpProbe probe = probe();
        RunningWorker worker = start(e, 3);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(name("out")));
        List<AmqpProbe.Message> errors = probe.collect(EngineConfig.queueOf(e) + ".errors");
        int n = 60;
        for (int i = 0; i < n; i++) {
            probe.publish("amq.direct", EngineConfig.queueOf(e), event(i));
        }
        probe.publish("amq.direct", EngineConfig.queueOf(e), "not json {".getBytes(StandardCharsets.UTF_8));
        probe.publish("amq.direct", EngineConfig.queueOf(e), "[1, 2]".getBytes(StandardCharsets.UTF_8));
        probe.confirmed();
        await().atMost(WAIT).until(() -> out.size() + errors.size() >= n + 2);
        assertEquals(n - n / 3, out.size());
        assertEquals(n / 3 + 2, errors.size());
        Set<Integer> all = new HashSet<>(ids(out));
        List<AmqpProbe.Message> taskErrors = errors.stream().filter(m -> m.text().startsWith("{")).toList();
        all.addAll(ids(taskErrors));
        assertEquals(range(n), all);
        AmqpProbe.Message failed = taskErrors.get(0);
        assertEquals(e, failed.header("x-orchestrator-engine"));
        assertEquals("3", failed.header("x-orchestrator-worker"));
        assertEquals(IllegalStateException.class.getName(), failed.header("x-orchestrator-exception"));
        assertEquals("no multiples of 3: " + failed.json().get("id").asInt(), failed.header("x-orchestrator-reason"));
        assertEquals("amq.direct", failed.header("x-orchestrator-exchange"));
        assertEquals(EngineConfig.queueOf(e), failed.header("x-orchestrator-routing-key"));
        assertNotNull(java.time.Instant.parse(failed.header("x-orchestrator-time")));
        AmqpProbe.Message notJson = errors.stream().filter(m -> m.text().equals("not json {")).findFirst().orElseThrow();
        assertTrue(notJson.header("x-orchestrator-reason").startsWith("body is not JSON"), notJson.header("x-orchestrator-reason"));
        AmqpProbe.Message array = errors.stream().filter(m -> m.text().equals("[1, 2]")).findFirst().orElseThrow();
        assertEquals("body is not a JSON object but array", array.header("x-orchestrator-reason"));
        assertEquals((long) n / 3 + 2, worker.worker().counters().get("errored"));
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(e)) == 0);
        assertFalse(worker.exit().isDone());
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void beatsAtTheirIntervalNeverConcurrentWithEvents(BrokerKind kind) throws Exception {
        on(kind, "beats");
        AtomicBoolean busy = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        List<Long> beats = new CopyOnWriteArrayList<>();
        Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        registry.register("test.busy", (engine, event, logger, params) -> {
            if (!busy.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread());
            busyFor(2_000_000);
            busy.set(false);
            return null;
        });
        registry.register("test.beat", (engine, logger, params) -> {
            if (!busy.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread());
            beats.add(System.nanoTime());
            busy.set(false);
        });
        String e = name("e");
        define(engine(e).beat(1).events("test.busy").beats("test.beat"));
        AmqpProbe probe = probe();
        long started = System.nanoTime();
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        feed(probe, e, 1000);
        await().atMost(WAIT).until(() -> beats.size() >= 3);
        assertEquals(0, overlaps.get());
        assertEquals(Set.of(worker.thread()), threads);
        // the exact times are BeatScheduleTest's (a driven clock); here only what no machine load can break: the
        // k-th beat is never earlier than k intervals after the start
        for (int i = 0; i < beats.size(); i++) {
            double after = (beats.get(i) - started) / 1e9;
            assertTrue(after >= i + 1, "beat " + (i + 1) + " after " + after + " s");
        }
        assertTrue((long) worker.worker().counters().get("beats") >= 3);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void twoWorkersShareOneQueue(BrokerKind kind) throws Exception {
        on(kind, "share");
        String e = name("e");
        define(engine(e).next(name("out")).prefetch(10));
        AmqpProbe probe = probe();
        RunningWorker w0 = start(e, 0);
        RunningWorker w1 = start(e, 1);
        awaitConsuming(probe, EngineConfig.queueOf(e), 2);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(name("out")));
        int n = 400;
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> out.size() >= n);
        assertEquals(range(n), ids(out));
        long in0 = (long) w0.worker().counters().get("events_in");
        long in1 = (long) w1.worker().counters().get("events_in");
        assertEquals(n, in0 + in1);
        assertTrue(in0 > 0 && in1 > 0, in0 + " / " + in1);
    }

    /**
     * The cut is mid-stream by construction: the task holds the event in the middle of the stream until the broker
     * has closed the connection, so that event is in hand and the second half still queued when the cut comes.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aConnectionClosedByTheBrokerLosesNothing(BrokerKind kind) throws Exception {
        on(kind, "kill");
        int n = 1000;
        CountDownLatch atHalf = new CountDownLatch(1);
        CountDownLatch cut = new CountDownLatch(1);
        registry.register("test.holdAtHalf", (engine, event, logger, params) -> {
            if (event.path("id").asInt() == n / 2 && cut.getCount() > 0) {
                atHalf.countDown();
                cut.await();
            }
            return null;
        });
        String e = name("e");
        define(engine(e).next(name("out")).events("test.holdAtHalf"));
        try (AmqpProbe before = new AmqpProbe(uri)) {
            before.queue(EngineConfig.queueOf(name("out")));
            start(e, 0);
            awaitConsuming(before, EngineConfig.queueOf(e), 1);
            feed(before, e, n);
            assertTrue(atHalf.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stream reached its middle");
        }
        BROKERS.get(kind).closeAllConnections();
        cut.countDown();
        RunningWorker worker = running.get(0);
        await().atMost(WAIT).until(() -> (long) worker.worker().counters().get("reconnects") >= 1);
        AmqpProbe after = probe();
        List<AmqpProbe.Message> out = after.collect(EngineConfig.queueOf(name("out")));
        await().atMost(WAIT).until(() -> ids(out).size() == n);
        assertEquals(range(n), ids(out));
        await().atMost(WAIT).until(() -> after.ready(EngineConfig.queueOf(e)) == 0);
        assertFalse(worker.exit().isDone());
    }

    /**
     * Workers of several engines share the pool's connections (here at most one), each on its channel; when the
     * broker closes that connection, every worker on it reconnects and the events still all arrive.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void workersShareTheirEnginesConnectionAndAllRecoverItsLoss(BrokerKind kind) throws Exception {
        on(kind, "pool");
        connector.close();
        connector = new BrokerConnector(uri, 1);
        String a = name("a");
        String b = name("b");
        define(engine(a).next(b).prefetch(10), engine(b).next(name("out")).prefetch(10));
        AmqpProbe probe = probe();
        List<RunningWorker> workers = List.of(start(a, 0), start(a, 1), start(b, 0), start(b, 1));
        awaitConsuming(probe, EngineConfig.queueOf(a), 2);
        awaitConsuming(probe, EngineConfig.queueOf(b), 2);
        assertEquals(1, connector.openConnections(), "four workers of two engines on one connection");
        BROKERS.get(kind).closeAllConnections();
        for (RunningWorker w : workers) {
            await().atMost(WAIT).until(() -> (long) w.worker().counters().get("reconnects") >= 1);
        }
        assertEquals(1, connector.openConnections());
        List<AmqpProbe.Message> out = probe().collect(EngineConfig.queueOf(name("out")));
        int n = 400;
        feed(probe(), a, n);
        await().atMost(WAIT).until(() -> ids(out).size() == n);
        assertEquals(range(n), ids(out));
        for (RunningWorker w : workers) w.close();
        running.clear();
        assertEquals(0, connector.openConnections(), "the connection closes with its last channel");
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void eventsForAStoppedNextEngineWaitInItsQueue(BrokerKind kind) throws Exception {
        on(kind, "wait");
        String e = name("e"), later = name("later");
        define(engine(e).next(later), engine(later).next(name("out")));
        AmqpProbe probe = probe();
        start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        int n = 50;
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(later)) == n);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(name("out")));
        start(later, 0);
        await().atMost(WAIT).until(() -> out.size() >= n);
        assertEquals(range(n), ids(out));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aStopFinishesTheEventInHandAndLeavesTheRestQueued(BrokerKind kind) throws Exception {
        on(kind, "stop");
        AtomicInteger seen = new AtomicInteger();
        registry.register("test.slow", (engine, event, logger, params) -> {
            seen.incrementAndGet();
            busyFor(20_000_000);
            return null;
        });
        String e = name("e");
        define(engine(e).next(name("out")).events("test.slow").prefetch(20));
        AmqpProbe probe = probe().queue(EngineConfig.queueOf(name("out")));
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        int n = 200;
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> seen.get() >= 5);
        assertEquals(0, worker.stop());
        long processed = (long) worker.worker().counters().get("events_in");
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(e)) == n - processed);
        assertEquals(processed, probe.ready(EngineConfig.queueOf(name("out"))));
        assertEquals(0, probe.consumers(EngineConfig.queueOf(e)));
    }

    @Test
    void unknownEngineTypesAndTasksAreSpawnErrorsNamingTheNearest() {
        registry.register("canopsis.perfdata.process.event_processing", EventTask.IDENTITY);
        engines.put("perfdata", engine("perfdata").events("canopsis.perfdata.proces.event_processing").build());
        engines.put("alerts", engine("alerts").beats("alerts.beat").build());
        try (BrokerConnector unused = new BrokerConnector("amqp://127.0.0.1:1")) {
            EngineWorkerFactory factory = new EngineWorkerFactory(engines, new AmqpSettings(null, "canopsis"), registry, unused);
            SpawnException type = assertThrows(SpawnException.class,
                    () -> factory.create(new LaunchSpec("dynamik", "perfdata", 0, "info"), null));
            assertEquals("unknown engine type 'dynamik' for engine perfdata (nearest: dynamic)", type.getMessage());
            SpawnException task = assertThrows(SpawnException.class,
                    () -> factory.create(new LaunchSpec("dynamic", "perfdata", 0, "info"), null));
            assertEquals("unknown task 'canopsis.perfdata.proces.event_processing' for event_processing of engine perfdata"
                    + " (nearest: canopsis.perfdata.process.event_processing)", task.getMessage());
            SpawnException beat = assertThrows(SpawnException.class,
                    () -> factory.create(new LaunchSpec("dynamic", "alerts", 0, "info"), null));
            assertEquals("unknown task 'alerts.beat' for beat_processing of engine alerts", beat.getMessage());
        }
    }

    @Test
    void anUnreachableBrokerFailsTheRun() throws Exception {
        try (BrokerConnector closedPort = new BrokerConnector("amqp://guest:guest@127.0.0.1:1/")) {
            EngineWorkerFactory factory = new EngineWorkerFactory(engines, new AmqpSettings(null, "canopsis"), registry, closedPort);
            EngineWorker worker = factory.create(new LaunchSpec("dynamic", "lonely", 0, "info"), null);
            Exception failure = assertThrows(Exception.class, worker::run);
            assertTrue(failure.getMessage().startsWith("cannot connect to amqp://guest:***@127.0.0.1:1/: "), failure.getMessage());
        }
    }

    @Test
    void anEngineFailingAtCreateFailsBeforeTheBrokerIsAsked() throws Exception {
        registry.registerEngineType("failing", context -> {
            throw new IllegalStateException("fails at every start");
        });
        try (BrokerConnector closedPort = new BrokerConnector("amqp://guest:guest@127.0.0.1:1/")) {
            EngineWorkerFactory factory = new EngineWorkerFactory(engines, new AmqpSettings(null, "canopsis"), registry, closedPort);
            EngineWorker worker = factory.create(new LaunchSpec("failing", "lonely", 0, "info"), null);
            Exception failure = assertThrows(Exception.class, worker::run);
            assertEquals("cannot create engine lonely: fails at every start", failure.getMessage());
        }
    }

    @Test
    void queueArgumentsAreDeclaredWhenConfigured() throws Exception {
        on(BrokerKind.RABBITMQ, "args");
        String e = name("e");
        define(engine(e).queueArguments(Map.of("x-max-length", 1000)));
        AmqpProbe probe = probe();
        start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        try (com.rabbitmq.client.Connection connection = new com.rabbitmq.client.ConnectionFactory() {{ setUri(uri); }}.newConnection()) {
            com.rabbitmq.client.Channel channel = connection.createChannel();
            channel.queueDeclare(EngineConfig.queueOf(e), true, false, false, Map.of("x-max-length", 1000));
            java.io.IOException mismatch = assertThrows(java.io.IOException.class,
                    () -> channel.queueDeclare(EngineConfig.queueOf(e), true, false, false, null));
            assertTrue(mismatch.getCause().getMessage().contains("PRECONDITION_FAILED"), mismatch.getCause().getMessage());
        }
    }

    @Test
    void argumentsTheBrokerRefusesFailTheStartWithItsReason() throws Exception {
        on(BrokerKind.EMBEDDED, "refused");
        String e = name("e");
        define(engine(e).queueArguments(Map.of("x-dead-letter-exchange", "dlx")));
        RunningWorker worker = start(e, 0);
        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> worker.exit().get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().startsWith("engine " + e + ": the broker refused the queue set-up: "),
                failure.getCause().getMessage());
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void anAbortedWorkerLeavesItsStuckEventToTheBroker(BrokerKind kind) throws Exception {
        on(kind, "abort");
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        registry.register("test.stuck", (engine, event, logger, params) -> {
            started.incrementAndGet();
            never.await();
            return null;
        });
        String e = name("e");
        define(engine(e).next(name("out")).events("test.stuck"));
        AmqpProbe probe = probe().queue(EngineConfig.queueOf(name("out")));
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        probe.publish("amq.direct", EngineConfig.queueOf(e), event(1));
        probe.confirmed();
        await().atMost(WAIT).until(() -> started.get() == 1);
        worker.worker().abort();
        worker.exit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(e)) == 1);
        assertEquals(0, probe.ready(EngineConfig.queueOf(e) + ".errors"));
        assertEquals(0, probe.ready(EngineConfig.queueOf(name("out"))));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aPublishToAMissingExchangeOrWithAnOverlongKeyIsATaskErrorNotAReconnectionLoop(BrokerKind kind) throws Exception {
        on(kind, "noexchange");
        registry.register("test.publishNowhere", (engine, event, logger, params) -> {
            engine.publish(event, "no.such.exchange", "x");
            return null;
        });
        registry.register("test.publishLongKey", (engine, event, logger, params) -> {
            engine.publish(event.put("component", "c".repeat(300)));
            return null;
        });
        registry.register("test.publishAlerts", (engine, event, logger, params) -> {
            engine.publish(event, engine.alertsExchange(), "y");
            return null;
        });
        String nowhere = name("nowhere"), alerts = name("alerts");
        define(engine(nowhere).events("test.publishNowhere"), engine(alerts).events("test.publishAlerts"));
        AmqpProbe probe = probe();
        RunningWorker worker = start(nowhere, 0);
        start(alerts, 0);
        awaitConsuming(probe, EngineConfig.queueOf(nowhere), 1);
        awaitConsuming(probe, EngineConfig.queueOf(alerts), 1);
        List<AmqpProbe.Message> errors = probe.collect(EngineConfig.queueOf(nowhere) + ".errors");
        probe.publish("amq.direct", EngineConfig.queueOf(nowhere), event(1));
        probe.publish("amq.direct", EngineConfig.queueOf(alerts), event(2));
        probe.confirmed();
        await().atMost(WAIT).until(() -> errors.size() == 1);
        assertEquals("no exchange 'no.such.exchange' on the broker", errors.get(0).header("x-orchestrator-reason"));
        assertEquals(0L, worker.worker().counters().get("reconnects"));
        String longKey = name("longkey");
        define(engine(longKey).events("test.publishLongKey"));
        RunningWorker longKeyWorker = start(longKey, 0);
        awaitConsuming(probe, EngineConfig.queueOf(longKey), 1);
        List<AmqpProbe.Message> longKeyErrors = probe.collect(EngineConfig.queueOf(longKey) + ".errors");
        probe.publish("amq.direct", EngineConfig.queueOf(longKey), event(3));
        probe.confirmed();
        await().atMost(WAIT).until(() -> longKeyErrors.size() == 1);
        assertTrue(longKeyErrors.get(0).header("x-orchestrator-reason").startsWith("routing key longer than 255 bytes: "));
        assertEquals(0L, longKeyWorker.worker().counters().get("reconnects"));
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(alerts)) == 0
                && (long) running.get(1).worker().counters().get("events_out") == 1);
        assertEquals(0L, running.get(1).worker().counters().get("errored"));
    }

    /**
     * An operator deletes the next engine's queue mid-stream (the worker holds events in flight, confirms pending):
     * the broker returns the outputs published to it, the worker declares the queue again and requeues their inputs;
     * every id arrives. The stream pauses at the deletion so that the deleted queue holds no event (those would be
     * the operator's loss, not the worker's). Qpid nacks an unroutable publish and then returns it (RabbitMQ returns,
     * then acks): both paths requeue.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aNextQueueDeletedMidStreamIsDeclaredAgainAndLosesNothing(BrokerKind kind) throws Exception {
        on(kind, "deleted");
        int n = 2000;
        int pauseAt = 500;
        CountDownLatch deleted = new CountDownLatch(1);
        registry.register("test.pauseAt500", (engine, event, logger, params) -> {
            if (event.get("id").asInt() == pauseAt) {
                deleted.await();
            }
            busyFor(200_000);
            return null;
        });
        String e = name("e");
        String out = EngineConfig.queueOf(name("out"));
        define(engine(e).next(name("out")).events("test.pauseAt500"));
        AmqpProbe probe = probe();
        List<AmqpProbe.Message> before = probe.collect(out);
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> before.size() == pauseAt);
        probe.delete(out);
        deleted.countDown();
        await().atMost(WAIT).until(() -> (long) worker.worker().counters().get("returned") >= 1
                && probe.ready(out) >= 0);
        List<AmqpProbe.Message> after = probe.collect(out);
        await().atMost(WAIT).until(() -> union(ids(before), ids(after)).size() == n);
        assertEquals(range(n), union(ids(before), ids(after)));
        assertEquals(0L, worker.worker().counters().get("errored"));
        await().atMost(WAIT).until(() -> probe.ready(EngineConfig.queueOf(e)) == 0);
        assertFalse(worker.exit().isDone());
    }

    /**
     * The broker nacks outputs while the next queue refuses them (full, with {@code reject-publish}, as a quorum queue
     * without a leader does during a node failure): the worker holds their inputs and publishes the outputs again
     * until they are confirmed. It never requeues them, since a requeue counts against a quorum queue's delivery
     * limit: with {@code max_retries=1}, requeuing would dead-letter healthy events to the error queue.
     */
    @Test
    void outputsRefusedByAFullNextQueueArePublishedAgainWithoutRequeuingTheirInputs() throws Exception {
        on(BrokerKind.RABBITMQ, "refused");
        String e = name("e"), out = name("out"), sink = name("sink");
        int n = 30;
        define(engine(e).next(out).quorum().maxRetries(1),
                engine(out).next(sink).queueArguments(Map.of("x-max-length", 5, "x-overflow", "reject-publish")));
        AmqpProbe probe = probe();
        List<AmqpProbe.Message> delivered = probe.collect(EngineConfig.queueOf(sink));
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        feed(probe, e, n);
        await().atMost(WAIT).until(() -> (long) worker.worker().counters().get("republished") >= 2 * (n - 5));
        assertEquals(5, probe.ready(EngineConfig.queueOf(out)));

        start(out, 0);
        await().atMost(WAIT).until(() -> ids(delivered).size() == n && probe.ready(EngineConfig.queueOf(e)) == 0);
        assertEquals(range(n), ids(delivered));
        assertEquals(0, probe.ready(ErrorQueue.of(e)), "no healthy event dead-lettered");
        Map<String, Object> counters = worker.worker().counters();
        assertEquals(0L, counters.get("requeued"));
        assertEquals(0L, counters.get("errored"));
    }

    /**
     * An operator deletes the engine's own queue under its workers, which share a connection and declared the
     * engine's topology once on it: the broker cancels their consumers, and each declares the queue again rather
     * than trusting what was declared once, and consumes again. RabbitMQ only: the embedded Qpid Broker-J sends no
     * {@code basic.cancel} when a queue is deleted under its consumers, so nothing tells a worker there.
     */
    @Test
    void theEnginesOwnQueueDeletedIsDeclaredAgainByItsWorkers() throws Exception {
        on(BrokerKind.RABBITMQ, "own");
        String e = name("e");
        String out = EngineConfig.queueOf(name("out"));
        define(engine(e).next(name("out")));
        AmqpProbe probe = probe();
        List<RunningWorker> workers = List.of(start(e, 0), start(e, 1));
        awaitConsuming(probe, EngineConfig.queueOf(e), 2);
        probe.delete(EngineConfig.queueOf(e));
        awaitConsuming(probe, EngineConfig.queueOf(e), 2);
        List<AmqpProbe.Message> outputs = probe.collect(out);
        feed(probe, e, 100);
        await().atMost(WAIT).until(() -> ids(outputs).size() == 100);
        for (RunningWorker worker : workers) assertFalse(worker.exit().isDone());
    }

    /**
     * A worker restarted beside another of its engine (their connection stays open) trusts the topology declared on
     * that connection rather than declaring it again: a next queue an operator deleted meanwhile is not there after
     * the restart, and is declared again when the broker returns the first output sent to it; nothing is lost.
     */
    @Test
    void aWorkerRestartedOnItsEnginesConnectionDoesNotDeclareItsTopologyAgain() throws Exception {
        on(BrokerKind.RABBITMQ, "restart");
        String e = name("e");
        String out = EngineConfig.queueOf(name("out"));
        define(engine(e).next(name("out")));
        AmqpProbe probe = probe();
        RunningWorker first = start(e, 0);
        start(e, 1);
        awaitConsuming(probe, EngineConfig.queueOf(e), 2);
        assertEquals(0, first.stop());
        probe.delete(out);
        start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 2);
        assertEquals(-1, probe.ready(out), "not declared again by the restarted worker");
        feed(probe, e, 100);
        await().atMost(WAIT).until(() -> probe.ready(out) > 0);
        List<AmqpProbe.Message> outputs = probe.collect(out);
        await().atMost(WAIT).until(() -> ids(outputs).equals(range(100)));
    }

    /**
     * A task's route to a queue that does not exist (event_filter's {@code route} to a mistyped queue) is returned by
     * the broker: the event goes to the error queue with the reason, once per event (a topic exchange nobody is bound
     * to is publish-subscribe: see aPublishToAMissingExchange..., no error).
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aRouteToAMissingQueueSendsTheEventToTheErrorQueue(BrokerKind kind) throws Exception {
        on(kind, "route");
        registry.register("test.routeNowhere", (engine, event, logger, params) -> {
            engine.publish(event, "amq.direct", "Engine_nobody");
            return EventTask.DROP;
        });
        String e = name("e");
        define(engine(e).events("test.routeNowhere"));
        AmqpProbe probe = probe();
        RunningWorker worker = start(e, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        List<AmqpProbe.Message> errors = probe.collect(ErrorQueue.of(e));
        feed(probe, e, 20);
        await().atMost(WAIT).until(() -> ids(errors).size() == 20 && probe.ready(EngineConfig.queueOf(e)) == 0);
        assertEquals("no queue for the output to exchange 'amq.direct' with routing key 'Engine_nobody' ("
                + (kind == BrokerKind.RABBITMQ ? "312 NO_ROUTE" : "nacked by the broker") + ")",
                errors.get(0).header(ErrorQueue.REASON));
        assertEquals(UnroutableOutput.class.getName(), errors.get(0).header(ErrorQueue.EXCEPTION));
        Map<String, Object> counters = worker.worker().counters();
        await().atMost(WAIT).until(() -> (long) worker.worker().counters().get("returned") == 20);
        assertEquals(20L, counters.get("errored"));
    }

    /**
     * Input bounded before it is parsed: among 2,000 healthy events, a 16 MB one of 2 million small objects (over
     * max_event_bytes), one of 300,000 empty objects within the bytes (over the token count) and one nested 100 deep
     * go to the error queue with the limit each broke; every healthy id arrives, the worker and an engine beside it
     * carry on.
     */
    @Test
    void eventsOverTheReadLimitsGoToTheErrorQueueAndTheRestFlows() throws Exception {
        on(BrokerKind.RABBITMQ, "limits");
        String e = name("e"), other = name("other");
        define(engine(e).next(name("out")).maxEventBytes(1 << 20), engine(other).next(name("otherout")));
        AmqpProbe probe = probe();
        RunningWorker worker = start(e, 0);
        RunningWorker beside = start(other, 0);
        awaitConsuming(probe, EngineConfig.queueOf(e), 1);
        awaitConsuming(probe, EngineConfig.queueOf(other), 1);
        List<AmqpProbe.Message> out = probe.collect(EngineConfig.queueOf(name("out")));
        List<AmqpProbe.Message> otherOut = probe.collect(EngineConfig.queueOf(name("otherout")));
        List<AmqpProbe.Message> errors = probe.collect(ErrorQueue.of(e));
        int n = 2000;
        for (int i = 0; i < n; i++) {
            probe.publish("amq.direct", EngineConfig.queueOf(e), event(i));
            probe.publish("amq.direct", EngineConfig.queueOf(other), event(i));
            if (i == 500) {
                probe.publish("amq.direct", EngineConfig.queueOf(e), ("{\"objects\":[" + "{\"a\":1},".repeat(2_000_000)
                        + "{}]}").getBytes(StandardCharsets.UTF_8));
            } else if (i == 1000) {
                probe.publish("amq.direct", EngineConfig.queueOf(e), ("{\"objects\":[" + "{},".repeat(300_000)
                        + "{}]}").getBytes(StandardCharsets.UTF_8));
            } else if (i == 1500) {
                probe.publish("amq.direct", EngineConfig.queueOf(e), ("{\"deep\":" + "[".repeat(100)
                        + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
        probe.confirmed();
        await().atMost(WAIT).until(() -> ids(out).size() == n && errors.size() == 3 && ids(otherOut).size() == n);
        assertEquals(range(n), ids(out));
        assertEquals(range(n), ids(otherOut));
        List<String> reasons = errors.stream().map(m -> m.header(ErrorQueue.REASON)).toList();
        assertEquals("event of 16000016 bytes, over max_event_bytes (1048576)", reasons.get(0));
        assertTrue(reasons.get(1).startsWith("event over a read limit: Token count (100001) exceeds the maximum"
                + " allowed (100000"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("event over a read limit: Document nesting depth (65) exceeds the maximum"
                + " allowed (64"), reasons.get(2));
        assertEquals(3L, worker.worker().counters().get("errored"));
        assertFalse(worker.exit().isDone());
        assertFalse(beside.exit().isDone());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
