package dev.orchestrator.engines.cleaner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.List;
import org.apache.logging.log4j.Logger;

/**
 * Canopsis' {@code cleaner} engine's normalisation of one event (the C2 version, with {@code state} coerced to an
 * int): {@code rk} from the delivery routing key, {@code resource}, {@code tags}, {@code timestamp}, {@code state},
 * {@code state_type}, {@code event_type}, {@code status}, {@code output} defaults, and {@code perf_data} parsed into
 * {@code perf_data_array}. Decoding is the runtime's: a body that is not a JSON object never gets here, it goes to
 * the error queue.
 */
final class Cleaner {

    private Cleaner() { }

    /**
     * Normalises {@code event} in place.
     *
     * @param nowSeconds the timestamp of an event that has none
     * @throws IllegalArgumentException on an empty routing key or a timestamp that is not a number (as the original)
     */
    static ObjectNode normalise(ObjectNode event, String routingKey, long nowSeconds, Logger logger) {
        if (routingKey == null || routingKey.isEmpty()) {
            throw new IllegalArgumentException("Invalid routing-key '" + routingKey + "'");
        }
        event.put("rk", routingKey);
        JsonNode resource = event.get("resource");
        if (Python.truthy(resource) && !resource.isTextual()) {
            event.remove("resource");
        }
        JsonNode tags = event.get("tags");
        if (tags == null || (tags.isTextual() && tags.asText().isEmpty()) || !(tags.isTextual() || tags.isArray())) {
            event.putArray("tags");
        } else if (tags.isTextual()) {
            event.putArray("tags").add(tags.asText());
        }
        JsonNode timestamp = event.get("timestamp");
        event.put("timestamp", timestamp == null ? nowSeconds : Python.toInt(timestamp)
                .orElseThrow(() -> new IllegalArgumentException("invalid timestamp " + timestamp)));
        JsonNode state = event.get("state");
        long stateValue = state == null ? 0 : Python.toInt(state).orElseGet(() -> {
            logger.error("state convertion failed: must be an int ({})", event);
            return 0L;
        });
        event.put("state", stateValue);
        putIfMissing(event, "state_type", 1);
        if (!event.has("event_type")) {
            event.put("event_type", "check");
        }
        putIfMissing(event, "status", stateValue == 0 ? 0 : 1);
        if (!event.has("output")) {
            event.put("output", "");
        }
        JsonNode perfData = event.get("perf_data");
        if (Python.truthy(perfData)) {
            parsePerfData(event, perfData.asText(), logger);
        }
        return event;
    }

    private static void putIfMissing(ObjectNode event, String field, int value) {
        if (!event.has(field)) {
            event.put(field, value);
        }
    }

    private static void parsePerfData(ObjectNode event, String perfData, Logger logger) {
        logger.debug(" + perf_data: {}", perfData);
        JsonNode existing = event.get("perf_data_array");
        if (existing != null && !existing.isNull() && !existing.isArray()) {
            logger.error("Impossible to parse perfdata from: {} (perf_data_array is not a list)", event);
            return;
        }
        ArrayNode array = existing == null || existing.isNull() ? event.arrayNode() : (ArrayNode) existing;
        try {
            List<ObjectNode> entries = PerfDataParser.parse(perfData);
            array.addAll(entries);
        } catch (IllegalArgumentException e) {
            logger.error("Impossible to parse perfdata from: {} ({})", event, e.getMessage());
        }
        event.set("perf_data_array", array);
    }
}
