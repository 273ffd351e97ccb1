package dev.orchestrator.api;

import java.util.List;
import java.util.Map;

/**
 * An engine type, what {@code engine-launcher -e TYPE} names: {@code dynamic}, {@code cleaner}, or one a plugin
 * registers. {@code create} runs on the worker's thread at start; throwing makes the start a spawn error.
 * {@code orchestrator check} reads the parameters a type declares, so that a configuration the type cannot run is
 * found before a worker starts.
 */
@FunctionalInterface
public interface EngineType {
    Engine create(EngineContext context) throws Exception;

    /**
     * The {@code [engine:NAME]} parameters this type cannot start without, each with what it is. A program whose
     * section lacks one runs the original engine instead, or is an error ({@code check} says which).
     */
    default Map<String, String> requiredParameters() {
        return Map.of();
    }

    /** Parameters whose absence changes what the engine does, each with what it does then: {@code check} warns. */
    default Map<String, String> advisedParameters() {
        return Map.of();
    }

    /**
     * The binding this type gives its engine's queue when the section sets neither {@code exchange_name} nor
     * {@code routing_keys} (collectdgw binds {@code amq.topic} with {@code collectd}, as Canopsis' did); null: the
     * section's own. The worker binds, and {@code check} prints, the result.
     */
    default Binding defaultBinding() {
        return null;
    }

    /** A queue binding: an exchange and its routing keys. */
    record Binding(String exchange, List<String> routingKeys) {
        public Binding {
            routingKeys = List.copyOf(routingKeys);
        }
    }

    /** {@code type} declaring its required and advised parameters. */
    static EngineType declaring(EngineType type, Map<String, String> required, Map<String, String> advised) {
        Map<String, String> req = Map.copyOf(required);
        Map<String, String> adv = Map.copyOf(advised);
        return new EngineType() {
            @Override
            public Engine create(EngineContext context) throws Exception {
                return type.create(context);
            }

            @Override
            public Binding defaultBinding() {
                return type.defaultBinding();
            }

            @Override
            public Map<String, String> requiredParameters() {
                return req;
            }

            @Override
            public Map<String, String> advisedParameters() {
                return adv;
            }
        };
    }
}
