package dev.orchestrator.control.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engines' queues from a {@code pipeline} reply, for {@code queues} (a table) and {@code status --json}: per
 * engine its queue's depth and consumers, its input rate, its error queue's count. An unknown depth is {@code -}
 * in the table and null in JSON, with the reason beside it.
 */
public final class QueueTable {

    private QueueTable() {}

    /** The header and one line per engine. */
    public static List<String> lines(JsonNode pipeline) {
        List<String> lines = new ArrayList<>();
        int width = 20;
        for (JsonNode e : pipeline.path("engines")) width = Math.max(width, e.path("queue").path("name").asText().length());
        String template = "%-" + (width + 2) + "s%10s%11s%10s%10s  %s";
        lines.add(String.format(template, "QUEUE", "MESSAGES", "CONSUMERS", "IN/S", "ERRORS", "NOTE"));
        for (JsonNode e : pipeline.path("engines")) {
            JsonNode q = e.path("queue");
            JsonNode errors = e.path("errorQueue");
            String note = q.hasNonNull("problem") ? q.get("problem").asText()
                    : errors.hasNonNull("messages") && errors.get("messages").asLong() > 0
                    ? "orchestrator errors " + e.path("name").asText() : "";
            lines.add(String.format(Locale.ROOT, template, q.path("name").asText(), count(q.get("messages")),
                    count(q.get("consumers")), String.format(Locale.ROOT, "%.1f", e.path("inPerSecond").asDouble()),
                    count(errors.get("messages")), note));
        }
        return lines;
    }

    /** One map per engine: engine, queue, messages, consumers, in_per_second, error_queue, errors, problem. */
    public static List<Map<String, Object>> json(JsonNode pipeline) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode e : pipeline.path("engines")) {
            JsonNode q = e.path("queue");
            JsonNode errors = e.path("errorQueue");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", e.path("name").asText());
            m.put("queue", q.path("name").asText());
            m.put("messages", number(q.get("messages")));
            m.put("consumers", number(q.get("consumers")));
            m.put("in_per_second", e.path("inPerSecond").asDouble());
            m.put("out_per_second", e.path("outPerSecond").asDouble());
            m.put("error_queue", errors.path("name").asText());
            m.put("errors", number(errors.get("messages")));
            if (q.hasNonNull("problem")) m.put("problem", q.get("problem").asText());
            rows.add(m);
        }
        return rows;
    }

    private static String count(JsonNode n) {
        return n == null || n.isNull() ? "-" : n.asText();
    }

    private static Long number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }
}
