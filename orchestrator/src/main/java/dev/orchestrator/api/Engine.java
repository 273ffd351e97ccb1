package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The logic of one engine worker, made by its {@link EngineType} when the worker starts. Both methods run on
 * the worker's thread, serially. {@code onEvent} follows {@link EventTask}'s return contract.
 */
public interface Engine extends AutoCloseable {

    ObjectNode onEvent(ObjectNode event) throws Exception;

    default void onBeat() throws Exception { }

    @Override
    default void close() { }
}
