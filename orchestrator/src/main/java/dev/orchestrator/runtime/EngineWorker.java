package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import dev.orchestrator.config.AmqpSettings;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.supervision.Worker;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;

/**
 * One engine worker: Canopsis' {@code Engine.run()} on the calling thread. It consumes {@code Engine_<name>} with
 * manual acks and a bounded prefetch, runs the engine's event task on each event and its beat task every
 * {@code beat_interval} seconds, serially on this thread, and forwards results to the {@code next} engines. An input
 * is acked only once every output it produced is confirmed by the broker. A task error or an undecodable body sends
 * the original message to its {@link ErrorQueue} with the reason in its headers. A lost connection is reopened after
 * the waits of its {@link RetryBackoff}; what was in flight is redelivered by the broker (at least once, never
 * lost). Its parts: {@link Session} (the broker), {@link EventCodec} (bodies), {@link NextHops} (routing),
 * {@link DeliveryTracker} (when to ack), {@link TaskContext} (what tasks see), {@link WorkerCounters}.
 */
public final class EngineWorker implements Worker {

    private static final int BATCH = 128;
    /** How long a settled input waits for the others of its ack batch, at most (DeliveryTracker). */
    static final long ACK_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long STOP_CONFIRM_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EngineConfig config;
    private final Topology topology;
    private final EngineType type;
    private final BrokerConnector connector;
    private final int workerNumber;
    private final Logger logger;
    private final NextHops nextHops;
    private final EventDecoder decoder;
    private final TaskContext context;
    private final Inbox inbox;
    private final WorkerCounters counters = new WorkerCounters();
    private final RetryBackoff reconnectBackoff = new RetryBackoff();
    /** The waits before nacked outputs are published again: the broker refused them, so it is in trouble. */
    private final RetryBackoff refusalBackoff = new RetryBackoff();
    /** When nacked outputs are published again (0: none waits). */
    private long republishAt;
    private boolean refusalsLogged;
    private final InHandJournal journal;

    private volatile boolean stopRequested;
    private volatile boolean aborted;
    private volatile Thread thread;
    private volatile Session session;
    private volatile Runnable ready = () -> { };
    private volatile InHandJournal.Slot inHand = InHandJournal.Slot.NONE;
    /**
     * The delivery in the task now and since when (System.nanoTime), for {@link #inHand()} from another thread;
     * written with opaque stores (a plain store's cost, no fence) since another thread reads them only when this one
     * has been stuck for seconds.
     */
    private Signal.Delivery inTask;
    private long inTaskSince;
    private static final VarHandle IN_TASK;
    private static final VarHandle IN_TASK_SINCE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IN_TASK = lookup.findVarHandle(EngineWorker.class, "inTask", Signal.Delivery.class);
            IN_TASK_SINCE = lookup.findVarHandle(EngineWorker.class, "inTaskSince", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Owned by the worker's thread.
    /** An event that took longer is logged as Canopsis' {@code _work} logged it. */
    private static final long SLOW_EVENT_NANOS = TimeUnit.SECONDS.toNanos(3);
    private Engine engine;
    private DeliveryTracker tracker;
    private DeliveryTracker.Input current;
    private boolean sessionBroken;
    private boolean brokerLimitsDeliveries;
    private BeatSchedule beats;
    private SelfStats stats;
    /**
     * Destinations whose returns were logged (once each); topology queues to declare again after lost outputs, and
     * those declared in this round of signals (once per round however many outputs were lost).
     */
    private final Set<String> returnedTo = new HashSet<>();
    private final Set<Map.Entry<String, String>> toRedeclare = new HashSet<>();
    private final Set<Map.Entry<String, String>> redeclaredThisRound = new HashSet<>();
    private boolean nacksUnroutable;

    EngineWorker(EngineConfig config, List<EngineConfig> next, AmqpSettings amqp, EngineType type,
            BrokerConnector connector, int workerNumber, Logger logger, Path configDirectory, InHandJournal journal) {
        this.config = config;
        this.topology = new Topology(config, next, amqp);
        this.type = type;
        this.connector = connector;
        this.workerNumber = workerNumber;
        this.logger = logger;
        this.nextHops = new NextHops(next.stream().map(EngineConfig::queue).toList(), config.nextBalanced());
        this.decoder = EventDecoder.of(config.maxEventBytes());
        this.context = new TaskContext(config, workerNumber, logger, configDirectory, amqp, taskOutputs());
        this.journal = journal;
        this.inbox = new Inbox(ackBatch());
    }

    /** Inputs acked at once, and confirmed outputs that wake the worker: half the prefetch, as PerfTest acks. */
    private int ackBatch() {
        return Math.max(1, config.prefetch() / 2);
    }

    /**
     * Creates the engine, connects (a broker it cannot reach at start fails the run), then works until stopped. The
     * engine comes first so that an engine failing at every start fails within {@code startsecs} (BACKOFF, then
     * FATAL) however long the broker takes to answer, not after it (RUNNING, EXITED, restarted forever).
     */
    @Override
    public int run() throws Exception {
        thread = Thread.currentThread();
        inHand = journal.slot(config.name() + "." + workerNumber);
        // the lines of Canopsis' engine-launcher and Engine (scripts/engine-launcher, engines/core.py), then ours
        config.params().keySet().forEach(key -> logger.warn("Unknown parameter \"{}\", assuming it's a string", key));
        logger.info("Configuration loaded");
        logger.info("Start Engine {} worker {} on {}", config.name(), workerNumber, connector.describe());
        try {
            engine = type.create(context);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot create engine " + config.name() + ": " + BrokerConnector.reason(e), e);
        }
        logger.info("Engine initialized");
        logger.info("Start Engine with pid {}", ProcessHandle.current().pid());
        try {
            openSession();
        } catch (IOException e) {
            engine.close();
            throw new IllegalStateException("engine " + config.name() + ": the broker refused the queue set-up: "
                    + BrokerConnector.reason(e), e);
        } catch (BrokerException e) {
            counters.brokerUnreachable(e.getMessage());
            engine.close();
            throw e;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        logger.info(" + Ready!");
        ready.run();
        long now = System.nanoTime();
        beats = new BeatSchedule(config.beatInterval(), now);
        stats = new SelfStats(config.name(), now);
        try {
            work();
            finish();
        } finally {
            closeSession();
            try {
                engine.close();
            } catch (RuntimeException e) {
                logger.error("closing engine {} failed: {}", config.name(), e.toString(), e);
            }
        }
        logger.info("End of Engine");
        return 0;
    }

    /** Ready once the engine exists and the worker consumes its queue. */
    @Override
    public void whenReady(Runnable ready) {
        this.ready = ready;
    }

    @Override
    public void requestStop() {
        stopRequested = true;
        inbox.add(new Signal.Wake());
    }

    @Override
    public void abort() {
        inHand.abandoned(); // its thread may never end: the event in hand counts as a death of its worker now
        aborted = true;
        stopRequested = true;
        Session open = session;
        if (open != null) {
            open.close();
        }
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** The engine, the worker and the event in its task: its routing key (a Canopsis event's id) and fingerprint. */
    @Override
    public String inHand() {
        Signal.Delivery delivery = (Signal.Delivery) IN_TASK.getOpaque(this);
        long since = (long) IN_TASK_SINCE.getOpaque(this);
        String who = "engine " + config.name() + " worker " + workerNumber;
        if (delivery == null) return who + " has no event in its task";
        return String.format(Locale.ROOT, "%s has the event '%s' (fingerprint %016x) in its task for %.1f s", who,
                delivery.envelope().getRoutingKey(), InHandJournal.fingerprint(delivery.body()),
                (System.nanoTime() - since) / 1e9);
    }

    @Override
    public long taskNanos() {
        long since = (long) IN_TASK_SINCE.getOpaque(this);
        return IN_TASK.getOpaque(this) == null ? 0 : System.nanoTime() - since;
    }

    @Override
    public Map<String, Object> counters() {
        return counters.snapshot();
    }

    /** The main loop: events, confirms, acks, beats, reconnections, until a stop is requested. */
    private void work() throws IOException {
        while (!stopRequested) {
            if (session == null && !reconnect()) {
                return;
            }
            try {
                Signal signal = inbox.poll(waitNanos(System.nanoTime()));
                for (int handled = 0; signal != null; signal = ++handled < BATCH ? inbox.poll() : null) {
                    handle(signal);
                }
                long now = System.nanoTime();
                if (tracker.flushIfDue(acker, now) > 0) {
                    refusalBackoff.reset();
                }
                republishRefused(now);
                tick(now);
            } catch (SessionLost | IOException | ShutdownSignalException e) {
                dropSession(e.getMessage());
            } catch (InterruptedException e) {
                logger.debug("interrupted{}", stopRequested ? ": stopping" : " (ignored: no stop was requested)");
            }
        }
    }

    /** Until the next beat, the acks due ({@link DeliveryTracker#nanosUntilFlush}) or the next republish. */
    private long waitNanos(long now) {
        long wait = beats.waitNanos(now, TimeUnit.SECONDS.toNanos(1));
        wait = Math.min(wait, tracker.nanosUntilFlush(now));
        return republishAt == 0 ? wait : Math.max(0, Math.min(wait, republishAt - now));
    }

    /**
     * Publishes the outputs the broker nacked again once the refusal wait is over (0.1 s doubling to 2 s, reset when
     * inputs get acked again); their inputs stay unacked meanwhile, so a downstream outage holds the worker at its
     * prefetch instead of requeuing events (which would count against a quorum queue's delivery limit).
     */
    private void republishRefused(long now) {
        if (!tracker.hasRefused()) {
            return;
        }
        if (republishAt == 0) {
            long wait = refusalBackoff.nextDelayMillis();
            republishAt = now + TimeUnit.MILLISECONDS.toNanos(wait);
            if (!refusalsLogged) {
                refusalsLogged = true;
                logger.warn("the broker refused outputs (a queue without a leader, or full with reject-publish):"
                        + " publishing them again in {} ms, their events held unacked; further refusals are counted"
                        + " (status --json: republished), not logged", wait);
            }
            return;
        }
        if (now - republishAt < 0) {
            return;
        }
        republishAt = 0;
        for (DeliveryTracker.Refused output : tracker.takeRefused()) {
            long seq = send(output.exchange(), output.routingKey(), output.properties(), output.body());
            tracker.publishedAgain(output, seq);
            counters.republished();
        }
    }

    private void handle(Signal signal) throws IOException {
        if (signal.session() != session) {
            return;
        }
        if (signal instanceof Signal.Delivery delivery) {
            if (!stopRequested) {
                process(delivery);
            }
        } else if (signal instanceof Signal.Confirm confirm) {
            tracker.confirmed(confirm.seq(), confirm.multiple(), confirm.ack(), nacksUnroutable ? this::refused : null);
            redeclareLost();
        } else if (signal instanceof Signal.Returned returned) {
            returned(returned);
        } else if (signal instanceof Signal.Lost lost) {
            throw new SessionLost(lost.reason());
        }
    }

    private void process(Signal.Delivery delivery) throws IOException {
        long start = System.nanoTime();
        current = tracker.received(delivery);
        long fingerprint = InHandJournal.fingerprint(delivery.body());
        int deaths = delivery.envelope().isRedeliver() && !brokerLimitsDeliveries ? journal.deaths(fingerprint) : 0;
        if (deaths > config.maxRetries()) {
            reject(delivery, new IllegalStateException("in hand at " + deaths + " deaths of its worker or of the"
                    + " daemon, more than max_retries (" + config.maxRetries() + ")"));
            journal.settled(fingerprint);
            tracker.processed(current);
            current = null;
            return;
        }
        inHand.hold(fingerprint, deaths);
        IN_TASK_SINCE.setOpaque(this, start);
        IN_TASK.setOpaque(this, delivery);
        context.delivered(delivery.envelope().getRoutingKey());
        boolean fatal = false;
        try {
            ObjectNode event = decode(delivery);
            context.decoded(event);
            ObjectNode result = engine.onEvent(event);
            checkSession();
            if (result == EventTask.DROP) {
                counters.dropped();
            } else {
                forward(result == null ? event : result);
            }
        } catch (SessionLost e) {
            throw e;
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                fatal = true; // the slot keeps the event in hand: the next start counts this death
                throw new FatalTaskError(config.name(), workerNumber, delivery.envelope().getRoutingKey(), e);
            }
            reject(delivery, e);
        } catch (Exception | LinkageError | AssertionError e) {
            reject(delivery, e);
        } finally {
            long elapsed = System.nanoTime() - start;
            counters.event(elapsed);
            context.betweenEvents();
            IN_TASK.setOpaque(this, (Signal.Delivery) null);
            if (!fatal) inHand.release();
            if (elapsed > SLOW_EVENT_NANOS) {
                logger.warn(String.format(Locale.ROOT, "Elapsed time %.2f seconds", elapsed / 1e9));
            }
        }
        if (deaths > 0) journal.settled(fingerprint);
        tracker.processed(current);
        current = null;
    }

    /** The event in the body; when it is not a JSON object, the one the engine reads in it ({@link Engine#decodeOther}). */
    private ObjectNode decode(Signal.Delivery delivery) throws Exception {
        if (logger.isDebugEnabled()) {
            logger.debug("event {}: {}", delivery.envelope().getRoutingKey(),
                    new String(delivery.body(), StandardCharsets.UTF_8));
        }
        try {
            return decoder.decode(delivery.body());
        } catch (UndecodableEvent e) {
            ObjectNode event;
            try {
                event = engine.decodeOther(delivery.body());
            } catch (Exception other) {
                throw new UndecodableEvent(e.getMessage() + "; " + other.getMessage(), e.getCause());
            }
            if (event == null) throw e;
            return event;
        }
    }

    private void forward(ObjectNode event) {
        if (nextHops.isEmpty()) {
            return;
        }
        byte[] body = EventCodec.encode(event);
        nextHops.route(queue -> publish(Topology.DIRECT, queue, EventCodec.PERSISTENT_JSON, body));
    }

    /** Sends the original message to the error queue, with why in its headers; it is acked once that is confirmed. */
    private void reject(Signal.Delivery delivery, Throwable error) {
        checkSession();
        if (error instanceof UndecodableEvent || error instanceof OversizedEvent) {
            logger.error("Impossible to parse event '{}': {}", delivery.envelope().getRoutingKey(),
                    ErrorQueue.reason(error));
        } else {
            logger.error("Worker raise exception: {}", error.toString(), error);
        }
        sendToErrorQueue(delivery, error);
    }

    private void sendToErrorQueue(Signal.Delivery delivery, Throwable error) {
        counters.errored(error.getClass().getSimpleName() + ": " + ErrorQueue.reason(error));
        publish("", topology.errorQueue(), ErrorQueue.properties(delivery.properties(), delivery.envelope(),
                config.name(), workerNumber, error, Instant.now()), delivery.body());
    }

    /**
     * The broker returned an output: no queue is bound to its destination, so it was dropped. Every unconfirmed
     * output to that destination may be the one (a return names no sequence number), so each of their inputs is
     * handled as {@link #lost} says. Each destination is logged once; every return is counted.
     */
    private void returned(Signal.Returned returned) throws IOException {
        counters.returned();
        String exchange = returned.exchange();
        String routingKey = returned.routingKey();
        String why = returned.replyCode() + " " + returned.replyText();
        if (returnedTo.add(exchange + "\0" + routingKey)) {
            logger.warn("the broker returned outputs to {} ({}): {}; further returns there are counted"
                    + " (status --json: returned), not logged", destination(exchange, routingKey), why,
                    topology.isQueueOf(exchange, routingKey) ? "queue declared again, their events requeued"
                    : pointToPoint(exchange) ? "no such queue, their events go to the error queue"
                    : "nobody is bound there, dropped as publish-subscribe does");
        }
        tracker.returned(exchange, routingKey, input -> lost(input, exchange, routingKey, why));
        redeclareLost();
    }

    /** A nacked output on a broker that nacks what it cannot route (Qpid, before its return): as a return. */
    private void refused(DeliveryTracker.Input input, String exchange, String routingKey) {
        lost(input, exchange, routingKey, "nacked by the broker");
    }

    /**
     * An output of {@code input} was dropped by the broker for want of a queue. When its destination is one of the
     * topology's queues (a {@code next} queue, the error queue: deleted) the queue is declared again (by
     * {@link #redeclareLost}) and the input requeued, so its outputs are published again; when it is another queue
     * by name ({@code amq.direct} or the default exchange: a route to a queue that does not exist) the input goes to
     * the error queue with the reason; a topic exchange nobody is bound to ({@code canopsis.alerts} without an
     * alerts engine) drops the event as AMQP's publish-subscribe does.
     */
    private void lost(DeliveryTracker.Input input, String exchange, String routingKey, String why) {
        if (topology.isQueueOf(exchange, routingKey)) {
            toRedeclare.add(Map.entry(exchange, routingKey));
            input.requeue = true;
        } else if (pointToPoint(exchange) && !input.errorQueued) {
            input.errorQueued = true;
            DeliveryTracker.Input handling = current;
            current = input;
            try {
                sendToErrorQueue(input.delivery, new UnroutableOutput("no queue for the output to "
                        + destination(exchange, routingKey) + " (" + why + ")"));
            } finally {
                current = handling;
            }
        }
    }

    private void redeclareLost() throws IOException {
        for (Map.Entry<String, String> lost : toRedeclare) {
            if (redeclaredThisRound.add(lost)) {
                topology.redeclare(session.channel(), lost.getKey(), lost.getValue());
            }
        }
        toRedeclare.clear();
    }

    private static boolean pointToPoint(String exchange) {
        return exchange.isEmpty() || exchange.equals(Topology.DIRECT);
    }

    private static String destination(String exchange, String routingKey) {
        return exchange.isEmpty() ? "queue '" + routingKey + "'"
                : "exchange '" + exchange + "' with routing key '" + routingKey + "'";
    }

    /** Publishes on the worker's channel; the output is tracked against the event in hand (none during a beat). */
    private void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        checkThread();
        checkSession();
        checkShortString("routing key", routingKey);
        checkShortString("exchange name", exchange);
        long seq = send(exchange, routingKey, properties, body);
        tracker.published(current, seq, exchange, routingKey, properties, body);
        counters.output();
    }

    /** A mandatory publish on the session's channel; returns its publish sequence number. */
    private long send(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        Channel channel = session.channel();
        long seq = channel.getNextPublishSeqNo();
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
        } catch (IOException | RuntimeException e) {
            // the channel counted a sequence number it may not have sent: its confirms can no longer be trusted
            sessionBroken = true;
            throw new SessionLost(e.getMessage());
        }
        return seq;
    }

    /** AMQP short strings are at most 255 bytes (Canopsis' long routing keys failed the same way, in kombu). */
    private static void checkShortString(String what, String value) {
        if (value.length() > 85 && value.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException(what + " longer than 255 bytes: " + value.substring(0, 60) + "...");
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("engine " + config.name() + ": publish from " + Thread.currentThread().getName()
                    + ", outside the worker's thread");
        }
    }

    private void checkExchange(String exchange) {
        checkThread();
        checkSession();
        try {
            session.checkExchange(exchange);
        } catch (IOException | ShutdownSignalException e) {
            sessionBroken = true;
            throw new SessionLost(e.getMessage());
        }
    }

    private void checkSession() {
        if (aborted) {
            throw new SessionLost("aborted");
        }
        if (sessionBroken || session == null) {
            throw new SessionLost("connection lost while processing");
        }
    }

    /** Settles inputs on the current session's channel. */
    private final DeliveryTracker.Acker acker = new DeliveryTracker.Acker() {
        @Override
        public void ack(long tag, boolean multiple) throws IOException {
            session.channel().basicAck(tag, multiple);
        }

        @Override
        public void requeue(long tag) throws IOException {
            logger.debug("an output of delivery {} was returned: requeued", tag);
            counters.requeued();
            session.channel().basicNack(tag, false, true);
        }
    };

    /** Beats, self-statistics and the rate window, between events. */
    private void tick(long now) {
        counters.tick(now);
        redeclaredThisRound.clear();
        long nackedBeats = tracker.takeNackedWithoutInput();
        if (nackedBeats > 0) {
            counters.beatError("the broker refused " + nackedBeats + " beat output(s)");
        }
        if (!beats.due(now)) {
            return;
        }
        try {
            engine.onBeat();
            counters.beat();
        } catch (SessionLost e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            counters.beatError(e.toString());
            logger.error("Beat raise exception: {}", e.toString(), e);
        }
        ObjectNode stat = stats.due(now, counters.eventsIn(), counters.processingNanos());
        if (stat != null) {
            context.publish(stat);
        }
    }

    private void openSession() throws IOException {
        tracker = new DeliveryTracker(ackBatch(), ACK_LINGER_NANOS);
        republishAt = 0;
        current = null;
        sessionBroken = false;
        session = Session.open(connector, config.name(), topology, config.prefetch(), inbox);
        brokerLimitsDeliveries = topology.brokerLimitsDeliveries(session.channel());
        nacksUnroutable = session.nacksUnroutable();
        counters.connected(true);
    }

    private void dropSession(String reason) {
        logger.warn("Connection lost ({}): reconnecting, in-flight events will be redelivered", reason);
        counters.error("connection lost: " + reason);
        closeSession();
    }

    private void closeSession() {
        Session open = session;
        session = null;
        counters.connected(false);
        if (open != null) {
            open.close();
        }
    }

    /**
     * Reopens the session until it works or a stop is requested, waiting as {@link RetryBackoff} says between
     * attempts; a refused declaration is fatal.
     */
    private boolean reconnect() throws IOException {
        int attempts = 0;
        reconnectBackoff.reset();
        while (!stopRequested) {
            try {
                openSession();
                counters.reconnect();
                logger.info(" + Reconnected after {} attempt(s)", attempts + 1);
                return true;
            } catch (BrokerException e) {
                if (attempts++ % 30 == 0) {
                    logger.warn("{}; retrying at most every {} ms", e.getMessage(), RetryBackoff.MAX_MILLIS);
                }
                try {
                    inbox.poll(TimeUnit.MILLISECONDS.toNanos(reconnectBackoff.nextDelayMillis()));
                } catch (InterruptedException interrupted) {
                    logger.debug("interrupted while reconnecting");
                }
            }
        }
        return false;
    }

    /** A requested stop: no new deliveries, the event in hand is done; wait for its confirms, ack, and close. */
    private void finish() {
        logger.info("Stop Engine");
        if (session == null || aborted) {
            return;
        }
        try {
            session.cancel();
            inbox.wakeOnEveryConfirm();
            long deadline = System.nanoTime() + STOP_CONFIRM_WAIT_NANOS;
            while (tracker.unconfirmed() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    logger.warn("{} output(s) not confirmed at stop: their inputs will be redelivered",
                            tracker.unconfirmed());
                    break;
                }
                Signal signal = inbox.poll(left);
                if (signal != null) {
                    handle(signal);
                }
            }
            tracker.flush(acker);
        } catch (SessionLost | IOException | ShutdownSignalException e) {
            logger.warn("stop: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task's publish: a checked exchange, then an output of the event in hand (or of the beat). */
    private TaskContext.Outputs taskOutputs() {
        return new TaskContext.Outputs() {
            @Override
            public void checkExchange(String exchange) {
                EngineWorker.this.checkExchange(exchange);
            }

            @Override
            public void publish(String exchange, String routingKey, byte[] body) {
                EngineWorker.this.publish(exchange, routingKey, EventCodec.PERSISTENT_JSON, body);
            }
        };
    }
}
