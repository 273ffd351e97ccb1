package dev.orchestrator.control.server;

import dev.orchestrator.broker.BrokerConnector;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.pipeline.ErrorQueues;
import dev.orchestrator.pipeline.Pipeline;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The control methods about the pipeline rather than processes: {@code pipeline} (engines, edges, rates, queue
 * depths), {@code errors} (an engine's error-queued events) and {@code replay} (some or all of them back to the
 * engine's queue). A daemon without a broker view (tests of the control socket alone) answers them with FAILED.
 */
final class PipelineRequests {

    static final int DEFAULT_LIMIT = 20;

    private final Pipeline pipeline;

    /** {@code pipeline} may be null: the methods then fail with a reason. */
    PipelineRequests(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    Reply pipeline() {
        if (pipeline == null) return unavailable();
        return Reply.result(pipeline.view());
    }

    Reply errors(Request r) {
        if (pipeline == null) return unavailable();
        String engine = engine(r);
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        if (limit < 1 || limit > ErrorQueues.MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + ErrorQueues.MAX_LIST + ": " + limit);
        }
        try {
            return Reply.result(Map.of("engine", engine, "events", pipeline.errorQueues().list(engine, limit)));
        } catch (IOException e) {
            return Reply.error("FAILED", "error queue of " + engine + ": " + why(e));
        }
    }

    Reply replay(Request r) {
        if (pipeline == null) return unavailable();
        String engine = engine(r);
        if (r.ids() != null && r.ids().isEmpty()) throw new IllegalArgumentException("replay: no event ids given");
        try {
            ErrorQueues.Replay done = pipeline.errorQueues().replay(engine,
                    r.ids() == null ? java.util.Set.of() : new LinkedHashSet<>(r.ids()));
            return Reply.result(Map.of("engine", engine, "replayed", done.replayed(), "notFound", done.notFound()));
        } catch (IOException e) {
            return Reply.error("FAILED", "replay of " + engine + ": " + why(e));
        }
    }

    private String engine(Request r) {
        if (r.namesOrEmpty().size() != 1) throw new IllegalArgumentException(r.method() + " takes one engine name");
        String engine = r.names().get(0);
        if (!pipeline.hasEngine(engine)) throw new IllegalArgumentException("no such engine: " + engine);
        return engine;
    }

    /** The failure's own message, or the broker's reason (amqp-client's channel errors carry none of their own). */
    private static String why(IOException e) {
        return e.getMessage() != null ? e.getMessage() : BrokerConnector.reason(e);
    }

    private static Reply unavailable() {
        return Reply.error("FAILED", "this daemon has no view of the broker's queues");
    }
}
