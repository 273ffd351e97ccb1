package dev.orchestrator.runtime;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.orchestrator.config.EngineConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An engine's error queue, {@code Engine_<name>.errors}: a message its task failed on, or that its worker could not
 * decode, goes there unchanged, with why in the headers named here (docs/runtime.md). Whoever reads error queues
 * reads these names.
 */
public final class ErrorQueue {

    /** The engine's name. */
    public static final String ENGINE = "x-orchestrator-engine";
    /** The worker number. */
    public static final String WORKER = "x-orchestrator-worker";
    /** The class name of the exception (for an undecodable body, the parser's). */
    public static final String EXCEPTION = "x-orchestrator-exception";
    /** The exception's message (its class name when it has none). */
    public static final String REASON = "x-orchestrator-reason";
    /** When it failed, ISO-8601. */
    public static final String TIME = "x-orchestrator-time";
    /** The exchange the message was delivered from. */
    public static final String EXCHANGE = "x-orchestrator-exchange";
    /** The routing key the message was delivered with. */
    public static final String ROUTING_KEY = "x-orchestrator-routing-key";

    private ErrorQueue() {
    }

    /** The error queue of the engine {@code engineName}. */
    public static String of(String engineName) {
        return EngineConfig.queueOf(engineName) + ".errors";
    }

    /** What {@link #REASON} says of {@code error}. */
    static String reason(Throwable error) {
        return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
    }

    /** The properties of the original message with the failure headers added, persistent. */
    static AMQP.BasicProperties properties(AMQP.BasicProperties original, Envelope envelope, String engine,
            int worker, Throwable error, Instant time) {
        Throwable cause = error instanceof UndecodableEvent && error.getCause() != null ? error.getCause() : error;
        Map<String, Object> headers = original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
        headers.put(ENGINE, engine);
        headers.put(WORKER, worker);
        headers.put(EXCEPTION, cause.getClass().getName());
        headers.put(REASON, reason(error));
        headers.put(TIME, time.toString());
        headers.put(EXCHANGE, envelope.getExchange());
        headers.put(ROUTING_KEY, envelope.getRoutingKey());
        return original.builder().headers(headers).deliveryMode(2).build();
    }
}
