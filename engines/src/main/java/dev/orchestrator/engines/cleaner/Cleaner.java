package dev.orchestrator.engines.cleaner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.Logger;

/**
 * Canopsis' {@code cleaner} engine ({@code engines/cleaner.py} {@code work}) on one event: decoding with the
 * original's fallbacks, {@code rk} from the delivery routing key, {@code resource} (a non-string becomes '', an empty
 * one is removed), {@code tags}, {@code timestamp}, {@code state} (2018: coerced to an int, 0 when it cannot be;
 * 2016: kept as it came), {@code state_type}, {@code event_type}, {@code status}, {@code output} defaults, and
 * {@code perf_data} parsed and appended to {@code perf_data_array}.
 */
final class Cleaner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cleaner() { }

    /**
     * A body that is not a JSON object, decoded as the original tried after JSON: JSON with every backslash doubled
     * (Windows connectors' paths), then BSON.
     *
     * @throws IllegalArgumentException {@code Impossible to parse event '<rk>'} when every way failed (poison)
     */
    static ObjectNode decode(byte[] body, String routingKey, Logger logger) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            if (JSON.readTree(text.replace("\\", "\\\\")) instanceof ObjectNode event) {
                logger.debug(" + Try hack for windows string: Ok");
                return event;
            }
        } catch (JsonProcessingException e) {
            logger.debug(" + Try hack for windows string: {}", e.getOriginalMessage());
        }
        try {
            return Bson.decode(body);
        } catch (IllegalArgumentException e) {
            logger.error("   + Failed ({})", e.getMessage());
            throw new IllegalArgumentException("Impossible to parse event '" + routingKey + "'");
        }
    }

    /**
     * Normalises {@code event} in place.
     *
     * @param coerceState 2018's cleaner: {@code state} made an int
     * @param nowSeconds the timestamp of an event that has none
     * @throws IllegalArgumentException on an empty routing key or a timestamp that is not a number (as the original)
     */
    static ObjectNode normalise(ObjectNode event, String routingKey, boolean coerceState, long nowSeconds, Logger logger) {
        if (routingKey == null || routingKey.isEmpty()) {
            throw new IllegalArgumentException("Invalid routing-key '" + routingKey + "'");
        }
        event.put("rk", routingKey);
        JsonNode resource = event.get("resource");
        if (resource != null && (!resource.isTextual() || resource.textValue().isEmpty())) {
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
        if (coerceState) {
            long stateValue = state == null ? 0 : Python.toInt(state).orElseGet(() -> {
                logger.error("state convertion failed: must be an int ({})", event);
                return 0L;
            });
            event.put("state", stateValue);
        } else if (state == null) {
            event.put("state", 0);
        }
        putIfMissing(event, "state_type", 1);
        if (!event.has("event_type")) {
            event.put("event_type", "check");
        }
        putIfMissing(event, "status", Python.truthy(event.get("state")) ? 1 : 0);
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
