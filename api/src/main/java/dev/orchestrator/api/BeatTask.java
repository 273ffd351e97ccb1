package dev.orchestrator.api;

import java.util.Map;
import org.apache.logging.log4j.Logger;

/** Canopsis' {@code beat_processing}: run every {@code beat_interval} seconds on the worker's own thread. */
@FunctionalInterface
public interface BeatTask {

    /** The dynamic engine's default: nothing. */
    BeatTask NOOP = (engine, logger, params) -> { };

    void beat(EngineContext engine, Logger logger, Map<String, String> params) throws Exception;
}
