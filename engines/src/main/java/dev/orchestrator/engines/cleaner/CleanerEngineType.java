package dev.orchestrator.engines.cleaner;

import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;

/**
 * {@code -e cleaner}: the first engine of the chain ({@code cleaner_events} on {@code canopsis.events},
 * {@code cleaner_alerts} on {@code canopsis.alerts}), normalising every event it receives (see {@link Cleaner}).
 */
public final class CleanerEngineType implements EngineType {

    public static final String NAME = "cleaner";

    @Override
    public Engine create(EngineContext context) {
        return event -> Cleaner.normalise(event, context.routingKey(), System.currentTimeMillis() / 1000,
                context.logger());
    }
}
