package dev.orchestrator.testing;

import dev.orchestrator.config.EngineConfig;
import dev.orchestrator.config.QueueType;
import dev.orchestrator.config.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds {@link EngineConfig} sections for tests: {@code EngineConfigs.engine("a").next("b").beat(1).build()}. */
public final class EngineConfigs {

    private final String name;
    private List<String> next = List.of();
    private boolean balanced;
    private int beatInterval;
    private String exchange = EngineConfig.DEFAULT_EXCHANGE;
    private List<String> routingKeys = List.of();
    private String eventProcessing;
    private String beatProcessing;
    private int prefetch = 50;
    private Map<String, Object> queueArguments = Map.of();
    private Map<String, String> params = Map.of();
    private QueueType queueType = QueueType.CLASSIC;
    private int maxRetries = EngineConfig.DEFAULT_MAX_RETRIES;
    private int maxEventBytes = EngineConfig.DEFAULT_MAX_EVENT_BYTES;

    private EngineConfigs(String name) {
        this.name = name;
    }

    /** A section with no next, beats off (0), prefetch 50, bound to amq.direct by name. */
    public static EngineConfigs engine(String name) {
        return new EngineConfigs(name);
    }

    public EngineConfigs next(String... engines) { next = List.of(engines); return this; }

    public EngineConfigs balanced() { balanced = true; return this; }

    public EngineConfigs beat(int seconds) { beatInterval = seconds; return this; }

    public EngineConfigs bind(String exchangeName, String... keys) { exchange = exchangeName; routingKeys = List.of(keys); return this; }

    public EngineConfigs events(String task) { eventProcessing = task; return this; }

    public EngineConfigs beats(String task) { beatProcessing = task; return this; }

    public EngineConfigs prefetch(int count) { prefetch = count; return this; }

    public EngineConfigs queueArguments(Map<String, Object> arguments) { queueArguments = arguments; return this; }

    public EngineConfigs params(Map<String, String> values) { params = values; return this; }

    public EngineConfigs quorum() { queueType = QueueType.QUORUM; return this; }

    public EngineConfigs maxRetries(int count) { maxRetries = count; return this; }

    public EngineConfigs maxEventBytes(int bytes) { maxEventBytes = bytes; return this; }

    public EngineConfig build() {
        return new EngineConfig(name, next, balanced, beatInterval, exchange, routingKeys, eventProcessing,
                beatProcessing, maxRetries, prefetch, maxEventBytes, queueType, queueArguments, params,
                new Source(Path.of("amqp2engines.conf"), 0, "engine:" + name, null), Map.of());
    }
}
