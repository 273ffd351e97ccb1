package dev.orchestrator.engines.collectdgw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Forger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Logger;

/**
 * One collectd {@code PUTVAL "host/plugin-instance/type-instance" interval=N time:v1:v2...} line to a Canopsis perf
 * event, as {@code collectdgw.py} {@code on_collectd_event} did: component = host, resource = plugin part, each value
 * a metric named after the type's data source ({@code types.json}, the original's {@code collectd_utils} table),
 * with its type, unit, min and max ({@code U}: none). Where the original logged and published nothing, the reason
 * is an {@link IllegalArgumentException}; a value it could not read ends the metrics there, as in the original.
 */
final class PutvalLine {

    private static final Pattern PUTVAL = Pattern.compile("^(PUTVAL) (\"(.+)\"|([^\\s]+)) (interval=.+) ([^\\s]+)$",
            Pattern.UNIX_LINES);
    private static final JsonNode TYPES = types();

    private PutvalLine() { }

    private static JsonNode types() {
        try (InputStream in = PutvalLine.class.getResourceAsStream("types.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The perf event of {@code line}; null when it has no metric (logged, as the original logged it). */
    static ObjectNode toEvent(String line, long nowSeconds, Logger logger) {
        Matcher m = PUTVAL.matcher(line);
        if (!m.find()) throw new IllegalArgumentException("Invalid collectd Message (" + line + ")");
        String[] node = (m.group(3) != null ? m.group(3) : m.group(4)).split("/", -1);
        if (node.length < 3) throw new IllegalArgumentException("Invalid collectd Message (" + line + "): not host/plugin/type");
        String component = node[0];
        String resource = node[1];
        String metric = node[2];
        JsonNode type = TYPES.get(metric);
        if (type == null) {
            String[] parts = metric.split("-", -1);
            type = TYPES.get(parts[0]);
            if (type == null || parts.length < 2) {
                throw new IllegalArgumentException("Invalid format '" + line + "' (unknown type " + metric + ")");
            }
            metric = parts[1];
        }
        String[] values = m.group(6).split(":", -1);
        long timestamp;
        try {
            timestamp = (long) Double.parseDouble(values[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Impossible to get timestamp or values (" + values[0] + ")");
        }
        ArrayNode metrics = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i < values.length; i++) {
            JsonNode source = type.get(i - 1);
            if (source == null || !source.has("unit") || !source.has("min") || !source.has("max")) {
                logger.error("Impossible to parse values '{}' (no data source {} in type {})", m.group(6), i - 1, metric);
                break;
            }
            String name = source.get("name").asText();
            if (name.equals("value")) name = metric;
            if (!metric.equals(name)) name = metric + "-" + name;
            double value;
            try {
                value = Double.parseDouble(values[i]);
            } catch (NumberFormatException e) {
                logger.error("Impossible to parse values '{}' (could not convert string to float: {})", m.group(6), values[i]);
                break;
            }
            metrics.addObject().put("metric", name).put("value", value).put("type", source.get("type").asText())
                    .set("unit", source.get("unit"));
            ((ObjectNode) metrics.get(metrics.size() - 1)).set("min", unknownAsNull(source.get("min")));
            ((ObjectNode) metrics.get(metrics.size() - 1)).set("max", unknownAsNull(source.get("max")));
        }
        if (metrics.isEmpty()) return null;
        ObjectNode event = Forger.forge("perf", "collectd", "collectd2event", "resource", component, resource,
                timestamp == 0 ? nowSeconds : timestamp);
        event.set("perf_data_array", metrics);
        return event;
    }

    private static JsonNode unknownAsNull(JsonNode bound) {
        return bound == null || "U".equals(bound.asText(null)) ? JsonNodeFactory.instance.nullNode() : bound;
    }
}
