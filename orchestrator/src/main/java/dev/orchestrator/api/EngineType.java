package dev.orchestrator.api;

/**
 * An engine type, what {@code engine-launcher -e TYPE} names: {@code dynamic}, {@code cleaner}, or one a plugin
 * registers. {@code create} runs on the worker's thread at start; throwing makes the start a spawn error.
 */
@FunctionalInterface
public interface EngineType {
    Engine create(EngineContext context) throws Exception;
}
