package dev.orchestrator.engines.cleaner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;

/**
 * {@code -e cleaner}: the first engine of the chain ({@code cleaner_events} on {@code canopsis.events},
 * {@code cleaner_alerts} on {@code canopsis.alerts}), normalising every event it receives (see {@link Cleaner}).
 * Section parameter {@code canopsis_version}: {@code 2018} (the default: {@code state} coerced to an int) or
 * {@code 2016} ({@code state} kept as it came).
 */
public final class CleanerEngineType implements EngineType {

    public static final String NAME = "cleaner";

    @Override
    public Engine create(EngineContext context) {
        String version = context.params().getOrDefault("canopsis_version", "2018").trim();
        if (!version.equals("2016") && !version.equals("2018")) {
            throw new IllegalArgumentException("canopsis_version must be 2016 or 2018, not '" + version + "'");
        }
        boolean coerceState = version.equals("2018");
        return new Engine() {
            @Override
            public ObjectNode onEvent(ObjectNode event) {
                return Cleaner.normalise(event, context.routingKey(), coerceState, System.currentTimeMillis() / 1000,
                        context.logger());
            }

            @Override
            public ObjectNode decodeOther(byte[] body) {
                return Cleaner.decode(body, context.routingKey(), context.logger());
            }
        };
    }
}
