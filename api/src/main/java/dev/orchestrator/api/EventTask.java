package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.logging.log4j.Logger;

/**
 * Canopsis' {@code event_processing}: what an engine does with one event. Return {@link #DROP} to drop it,
 * another object to replace it, or null to forward the event as it now is (tasks may mutate it in place).
 * Runs on its worker's thread only, never at the same time as that worker's beat: no locks needed.
 */
@FunctionalInterface
public interface EventTask {

    /** The value that drops the event (compared by identity; never mutate it). */
    ObjectNode DROP = JsonNodeFactory.instance.objectNode();

    /** The dynamic engine's default: forward the event unchanged. */
    EventTask IDENTITY = (engine, event, logger, params) -> null;

    ObjectNode process(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params)
            throws Exception;
}
