package dev.orchestrator.config;

import dev.orchestrator.api.EngineType;
import java.util.List;
import java.util.Map;

/**
 * An {@code [engine:NAME]} section of amqp2engines.conf. Typed keys are fields; every other key is kept in
 * {@code params} and handed to the engine's tasks. {@code next} holds engine names (trimmed), not queue names.
 * {@code eventProcessing}/{@code beatProcessing} are task names or null for the defaults. {@code source} is the
 * section header (or, for a section-less engine, the program's command); {@code keySources} where each key was read.
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
        int maxEventBytes,
        QueueType queueType,
        Map<String, Object> queueArguments,
        Map<String, String> params,
        Source source,
        Map<String, Source> keySources) {

    public static final int DEFAULT_BEAT_INTERVAL = 60;
    public static final String DEFAULT_EXCHANGE = "amq.direct";
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final int DEFAULT_PREFETCH = 200;
    /**
     * Bodies over this many bytes go to the error queue unparsed (docs/runtime.md). Canopsis' events are a check's
     * result and a few identifying fields: the text and perfdata come from Nagios-style plugins, whose whole output
     * Nagios caps at 8 KiB ({@code MAX_PLUGIN_OUTPUT_LENGTH}, "including perf data", nagios.h), so 64 KiB leaves
     * eight times that; and the shipped configuration's prefetch windows at the limit (5 workers x 200 x 64 KiB)
     * fit in half the daemon's default heap (-Xmx256m), so it starts without InFlightMemory's warning.
     */
    public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
    /** The largest {@code max_event_bytes}: RabbitMQ's own largest message (max_message_size). */
    public static final int MAX_EVENT_BYTES_LIMIT = 128 << 20;

    /** Without key positions (for engines made in code). */
    public EngineConfig(String name, List<String> next, boolean nextBalanced, int beatInterval, String exchangeName,
                        List<String> routingKeys, String eventProcessing, String beatProcessing, int maxRetries,
                        int prefetch, Map<String, Object> queueArguments, Map<String, String> params, Source source) {
        this(name, next, nextBalanced, beatInterval, exchangeName, routingKeys, eventProcessing, beatProcessing,
                maxRetries, prefetch, DEFAULT_MAX_EVENT_BYTES, QueueType.CLASSIC, queueArguments, params, source,
                Map.of());
    }

    /**
     * This section bound to {@code exchange} with {@code keys} when it sets neither {@code exchange_name} nor
     * {@code routing_keys}: an engine type's own default binding (Canopsis' collectdgw bound {@code amq.topic}).
     */
    public EngineConfig withDefaultBinding(EngineType.Binding binding) {
        return binding == null ? this : withDefaultBinding(binding.exchange(), binding.routingKeys());
    }

    /** This section bound to {@code exchange} with {@code keys} when it sets neither (see above). */
    public EngineConfig withDefaultBinding(String exchange, List<String> keys) {
        if (exchange == null || !exchangeName.equals(DEFAULT_EXCHANGE) || !routingKeys.isEmpty()) return this;
        return new EngineConfig(name, next, nextBalanced, beatInterval, exchange, List.copyOf(keys), eventProcessing,
                beatProcessing, maxRetries, prefetch, maxEventBytes, queueType, queueArguments, params, source, keySources);
    }

    /** Where {@code key} was read; the section itself with the key named when it was not set. */
    public Source sourceOf(String key) {
        Source s = keySources.get(key);
        return s != null ? s : new Source(source.file(), source.line(), source.section(), key);
    }

    /**
     * The queue's bindings as (exchange, routing key) pairs: each routing key on {@code exchangeName}, or, on
     * {@code amq.direct} with no routing key the queue's own name, on another exchange the empty key (Canopsis'
     * rules).
     */
    public List<Map.Entry<String, String>> bindings() {
        if (routingKeys.isEmpty()) {
            return List.of(Map.entry(exchangeName, exchangeName.equals(DEFAULT_EXCHANGE) ? queue() : ""));
        }
        return routingKeys.stream().map(k -> Map.entry(exchangeName, k)).toList();
    }

    /** The engine's own queue, as Canopsis named it. */
    public String queue() { return queueOf(name); }

    /**
     * The queue of engine {@code engineName}: {@code Engine_<name>}, but a task handler ({@code task_mail}) consumes
     * the queue of its bare name, where Canopsis' scheduler sends jobs ({@code TaskHandler.__init__} in
     * {@code engines/core.py}: {@code self.amqp_queue = self.name}).
     */
    public static String queueOf(String engineName) {
        return engineName.startsWith(TASK_HANDLER_PREFIX) ? engineName : "Engine_" + engineName;
    }

    private static final String TASK_HANDLER_PREFIX = "task_";

    /** The section an engine gets when amqp2engines.conf has none for it (only allowed for built-in types). */
    public static EngineConfig defaults(String name, Source source) {
        return defaults(name, source, QueueType.CLASSIC);
    }

    /** The defaults, with a queue of {@code queueType} (amqp.conf's default). */
    public static EngineConfig defaults(String name, Source source, QueueType queueType) {
        return new EngineConfig(name, List.of(), false, DEFAULT_BEAT_INTERVAL, DEFAULT_EXCHANGE, List.of(),
                null, null, DEFAULT_MAX_RETRIES, DEFAULT_PREFETCH, DEFAULT_MAX_EVENT_BYTES, queueType, Map.of(), Map.of(),
                source, Map.of());
    }
}
