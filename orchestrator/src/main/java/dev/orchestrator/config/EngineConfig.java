package dev.orchestrator.config;

import java.util.List;
import java.util.Map;

/**
 * An {@code [engine:NAME]} section of amqp2engines.conf. Typed keys are fields; every other key is kept in
 * {@code params} and handed to the engine's tasks. {@code next} holds engine names (trimmed), not queue names.
 * {@code eventProcessing}/{@code beatProcessing} are task names or null for the defaults.
 */
public record EngineConfig(
        String name,
        List<String> next,
        boolean nextBalanced,
        int beatInterval,
        String exchangeName,
        List<String> routingKeys,
        String eventProcessing,
        String beatProcessing,
        int maxRetries,
        int prefetch,
        Map<String, Object> queueArguments,
        Map<String, String> params,
        Source source) {

    public static final int DEFAULT_BEAT_INTERVAL = 60;
    public static final String DEFAULT_EXCHANGE = "amq.direct";
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final int DEFAULT_PREFETCH = 200;

    /** The engine's own queue, as Canopsis named it. */
    public String queue() { return queueOf(name); }

    public static String queueOf(String engineName) { return "Engine_" + engineName; }

    /** The section an engine gets when amqp2engines.conf has none for it (only allowed for built-in types). */
    public static EngineConfig defaults(String name, Source source) {
        return new EngineConfig(name, List.of(), false, DEFAULT_BEAT_INTERVAL, DEFAULT_EXCHANGE, List.of(),
                null, null, DEFAULT_MAX_RETRIES, DEFAULT_PREFETCH, Map.of(), Map.of(), source);
    }
}
