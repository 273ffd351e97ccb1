package dev.orchestrator.engines.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.ByteSizes;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.RoutingKeys;
import dev.orchestrator.engines.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Logger;

/**
 * The {@code eventstore} engine type: Canopsis' event archive ({@code engines/eventstore.py}), with a JSON-lines file
 * in place of MongoDB. Checks, logs and comments (Canopsis' classification) get {@code _id} = their {@code rk} and are
 * appended to the file named by {@code path} (relative to the configuration directory; rotated past
 * {@code max_bytes}, default 50MB, keeping {@code backups}, default 10). As the original: a check gets the archiver's
 * state-change fields ({@link StateChanges}) and is republished to {@code canopsis.alerts} under its {@code rk} with
 * {@code event_id} set only when its state is not 0 ({@code store_check}); logs and comments always are
 * ({@code store_log}); perf events are neither; an unknown event type is logged. Every event goes on to {@code next}.
 */
public final class EventStore implements Engine {

    public static final String TYPE = "eventstore";
    private static final String DEFAULT_MAX_BYTES = "50MB";
    private static final String DEFAULT_BACKUPS = "10";

    private final EngineContext context;
    private final Logger logger;
    private final JsonLinesFile file;
    private final StateChanges stateChanges = new StateChanges();

    public EventStore(EngineContext context) throws IOException {
        this.context = context;
        this.logger = context.logger();
        Map<String, String> params = context.params();
        String name = params.get("path");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("eventstore needs a 'path' parameter: the file events are stored in");
        }
        long maxBytes = nonNegative("max_bytes", () -> ByteSizes.parse(params.getOrDefault("max_bytes", DEFAULT_MAX_BYTES)));
        long backups = nonNegative("backups", () -> Integer.parseInt(params.getOrDefault("backups", DEFAULT_BACKUPS).strip()));
        Path path = context.configDirectory().resolve(name.strip()).normalize();
        Files.createDirectories(path.getParent());
        file = new JsonLinesFile(path, maxBytes, (int) backups);
        logger.info("storing checks and logs in {}", path);
    }

    private static long nonNegative(String key, LongSupplier parse) {
        try {
            long value = parse.getAsLong();
            if (value < 0) throw new IllegalArgumentException("must not be negative");
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eventstore parameter '" + key + "': " + e.getMessage());
        }
    }

    @Override
    public ObjectNode onEvent(ObjectNode event) {
        event.remove("exchange");
        JsonNode type = event.get("event_type");
        EventClass eventClass = EventClass.of(type == null ? "" : type.asText());
        if (eventClass == EventClass.UNKNOWN) {
            logger.warn("unknown event type '{}' ({}): not stored", type == null ? "" : type.asText(), context.routingKey());
        } else if (eventClass.stored()) {
            JsonNode rk = event.get("rk");
            String routingKey = rk != null && rk.isTextual() && !rk.textValue().isEmpty() ? rk.textValue() : RoutingKeys.of(event);
            event.put("_id", routingKey);
            boolean alert = true;
            if (eventClass == EventClass.CHECK) {
                stateChanges.apply(routingKey, event);
                alert = Python.truthy(event.get("state"));
            }
            if (alert) event.put("event_id", routingKey);
            file.append(event.toString());
            if (alert) context.publish(event, context.alertsExchange(), routingKey);
        }
        return null;
    }

    @Override
    public void close() {
        file.close();
    }
}
