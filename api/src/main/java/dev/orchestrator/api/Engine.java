package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The logic of one engine worker, made by its {@link EngineType} when the worker starts. Both methods run on
 * the worker's thread, serially. {@code onEvent} follows {@link EventTask}'s return contract.
 */
public interface Engine extends AutoCloseable {

    ObjectNode onEvent(ObjectNode event) throws Exception;

    default void onBeat() throws Exception { }

    /**
     * A body that is not a JSON object: the event this engine reads in it, or null (the default) to leave it
     * undecodable (it goes to the error queue). Canopsis' cleaner tried more formats before giving up; an exception
     * says why none fitted and is added to the error's reason.
     */
    default ObjectNode decodeOther(byte[] body) throws Exception {
        return null;
    }

    @Override
    default void close() { }
}
