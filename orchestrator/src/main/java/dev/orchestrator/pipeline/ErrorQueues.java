package dev.orchestrator.pipeline;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.broker.BrokerException;
import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.runtime.ErrorQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An engine's error queue ({@link ErrorQueue}) for operators, as a dead-letter queue: {@link #list} shows the events
 * with their reasons without taking them (they are fetched unacknowledged, then the channel's close puts them back),
 * {@link #replay} moves chosen ones, or all, back to the engine's queue at least once: each copy is published
 * (mandatory, confirmed) before its original is acknowledged, so a failure anywhere leaves it in the error queue.
 * Each operation has a channel of its own on the {@link QueueProbe}'s connection.
 */
public final class ErrorQueues {

    /** The most events one listing returns. */
    public static final int MAX_LIST = 1000;
    /** Replayed copies confirmed (then their originals acknowledged) per round. */
    static final int CONFIRM_BATCH = 200;
    static final int BODY_PREVIEW = 2000;
    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    /** One error-queued event: {@code id} is a digest of its failure time, worker and body (stable across lists). */
    public record ErrorEvent(String id, String reason, String exception, String worker, String time, String exchange,
                             String routingKey, int bytes, String body) {}

    /** A replay's outcome: how many went back to the engine's queue, which ids were not found. */
    public record Replay(int replayed, List<String> notFound) {}

    private static final List<String> FAILURE_HEADERS = List.of(ErrorQueue.ENGINE, ErrorQueue.WORKER,
            ErrorQueue.EXCEPTION, ErrorQueue.REASON, ErrorQueue.TIME, ErrorQueue.EXCHANGE, ErrorQueue.ROUTING_KEY);

    private final QueueProbe probe;

    public ErrorQueues(QueueProbe probe) {
        this.probe = probe;
    }

    /** The first {@code limit} (at most {@link #MAX_LIST}) events of {@code engine}'s error queue, left in place. */
    public List<ErrorEvent> list(String engine, int limit) throws IOException {
        List<ErrorEvent> events = new ArrayList<>();
        try (Channel channel = open()) {
            long depth = channel.queueDeclarePassive(ErrorQueue.of(engine)).getMessageCount();
            for (long i = 0; i < Math.min(depth, Math.min(limit, MAX_LIST)); i++) {
                GetResponse got = channel.basicGet(ErrorQueue.of(engine), false);
                if (got == null) break;
                events.add(event(got));
            }
        } catch (TimeoutException e) {
            throw new IOException("the broker did not close the channel in time", e);
        }
        return events;
    }

    /**
     * Publishes the events of {@code engine}'s error queue whose ids are {@code ids} (all of them when
     * {@code ids} is empty) to the engine's queue, without the failure headers, and acknowledges each original once
     * its copy is confirmed. Only the events in the queue when it starts are considered.
     */
    public Replay replay(String engine, Set<String> ids) throws IOException {
        String errors = ErrorQueue.of(engine);
        String target = EngineConfig.queueOf(engine);
        Set<String> missing = new HashSet<>(ids);
        int replayed = 0;
        try (Channel channel = open()) {
            channel.queueDeclarePassive(target);
            long depth = channel.queueDeclarePassive(errors).getMessageCount();
            AtomicBoolean returned = new AtomicBoolean();
            channel.addReturnListener(r -> returned.set(true));
            channel.confirmSelect();
            List<Long> pending = new ArrayList<>();
            for (long i = 0; i < depth && (ids.isEmpty() || !missing.isEmpty()); i++) {
                GetResponse got = channel.basicGet(errors, false);
                if (got == null) break;
                if (!ids.isEmpty() && !missing.remove(id(got))) continue;
                channel.basicPublish("", target, true, withoutFailure(got.getProps()), got.getBody());
                pending.add(got.getEnvelope().getDeliveryTag());
                if (pending.size() >= CONFIRM_BATCH) replayed += confirmThenAck(channel, pending, returned, target);
            }
            replayed += confirmThenAck(channel, pending, returned, target);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not confirm the replayed events in time; they stay in " + errors, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted; the events not confirmed stay in " + errors, e);
        }
        return new Replay(replayed, ids.stream().filter(missing::contains).sorted().toList());
    }

    private static int confirmThenAck(Channel channel, List<Long> pending, AtomicBoolean returned, String target)
            throws IOException, InterruptedException, TimeoutException {
        if (pending.isEmpty()) return 0;
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        if (returned.get()) throw new IOException("the broker could not route to " + target);
        for (long tag : pending) channel.basicAck(tag, false);
        int done = pending.size();
        pending.clear();
        return done;
    }

    private Channel open() throws IOException {
        try {
            return probe.connection().createChannel();
        } catch (BrokerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ErrorEvent event(GetResponse got) {
        Map<String, Object> h = headers(got.getProps());
        byte[] body = got.getBody();
        String text = new String(body, 0, Math.min(body.length, BODY_PREVIEW * 4), StandardCharsets.UTF_8);
        if (text.length() > BODY_PREVIEW) text = text.substring(0, BODY_PREVIEW) + "...";
        return new ErrorEvent(id(got), text(h, ErrorQueue.REASON), text(h, ErrorQueue.EXCEPTION),
                text(h, ErrorQueue.WORKER), text(h, ErrorQueue.TIME), text(h, ErrorQueue.EXCHANGE),
                text(h, ErrorQueue.ROUTING_KEY), body.length, text);
    }

    /** A digest of the failure's time and worker and of the body: the same event has the same id in every list. */
    static String id(GetResponse got) {
        Map<String, Object> h = headers(got.getProps());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(text(h, ErrorQueue.TIME)).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(text(h, ErrorQueue.WORKER)).getBytes(StandardCharsets.UTF_8));
            sha.update(got.getBody());
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The original properties: the failure headers removed, persistent. */
    private static AMQP.BasicProperties withoutFailure(AMQP.BasicProperties props) {
        Map<String, Object> headers = new HashMap<>(headers(props));
        headers.keySet().removeAll(FAILURE_HEADERS);
        return props.builder().headers(headers.isEmpty() ? null : headers).deliveryMode(2).build();
    }

    private static Map<String, Object> headers(AMQP.BasicProperties props) {
        return props.getHeaders() == null ? Map.of() : props.getHeaders();
    }

    private static String text(Map<String, Object> headers, String key) {
        Object v = headers.get(key);
        return v == null ? null : v.toString();
    }
}
