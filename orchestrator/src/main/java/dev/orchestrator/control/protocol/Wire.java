package dev.orchestrator.control.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client's side of the {@link Protocol} on jackson-core's streaming API and plain JSON trees: no
 * {@code ObjectMapper} and no data binding, whose start-up (hundreds of classes, reflection over the records)
 * would be most of a CLI command's time. The daemon binds the same records with {@link Protocol#JSON}; the
 * end-to-end tests hold both sides together.
 */
public final class Wire {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Wire() {}

    /** A request line (without its newline). */
    public static byte[] request(Request r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("method", r.method());
            if (r.names() != null) {
                g.writeArrayFieldStart("names");
                for (String n : r.names()) g.writeString(n);
                g.writeEndArray();
            }
            if (r.await() != null) g.writeBooleanField("await", r.await());
            if (r.channel() != null) g.writeStringField("channel", r.channel());
            if (r.bytes() != null) g.writeNumberField("bytes", r.bytes());
            if (r.follow() != null) g.writeBooleanField("follow", r.follow());
            if (r.limit() != null) g.writeNumberField("limit", r.limit());
            if (r.signal() != null) g.writeStringField("signal", r.signal());
            if (r.brief() != null) g.writeBooleanField("brief", r.brief());
            if (r.chars() != null) g.writeStringField("chars", r.chars());
            if (r.ids() != null) {
                g.writeArrayFieldStart("ids");
                for (String id : r.ids()) g.writeString(id);
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One reply line. */
    public static Reply reply(String line) throws IOException {
        JsonNode n = tree(line);
        JsonNode error = n.get("error");
        return new Reply(n.has("item") ? outcome(n.get("item")) : null, text(n, "data"), n.get("result"),
                error == null ? null : new Reply.Error(text(error, "fault"), text(error, "message")));
    }

    /** A JSON text as a tree. */
    public static JsonNode tree(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new IOException("empty reply");
            return value(p, first);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) a.add(value(p, e));
                return a;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> { return NODES.numberNode(p.getLongValue()); }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDoubleValue()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            default -> throw new IOException("unexpected " + t + " in a reply");
        }
    }

    public static Outcome outcome(JsonNode n) {
        return new Outcome(text(n, "name"), text(n, "fault"), text(n, "message"),
                n.has("group") ? n.get("group").asBoolean() : null);
    }

    public static ProcessInfo process(JsonNode n) {
        return new ProcessInfo(text(n, "name"), text(n, "group"), ProcessState.valueOf(text(n, "state")),
                n.path("start").asLong(), n.path("stop").asLong(), n.path("now").asLong(), text(n, "spawnerr"),
                n.path("exitstatus").asInt(), n.path("pid").asLong(), text(n, "description"),
                text(n, "stdoutLogfile"), text(n, "stderrLogfile"), map(n.get("counters")), text(n, "program"),
                text(n, "runsAs"), text(n, "reason"));
    }

    public static ProcessRow row(JsonNode n) {
        return new ProcessRow(text(n, "name"), text(n, "group"), ProcessState.valueOf(text(n, "state")),
                text(n, "description"));
    }

    public static ConfigInfo config(JsonNode n) {
        return new ConfigInfo(text(n, "name"), text(n, "group"), n.path("inuse").asBoolean(),
                n.path("autostart").asBoolean(), n.path("groupPriority").asInt(), n.path("processPriority").asInt());
    }

    /** The {@link #row}s of a JSON array (a loop, not {@link #list}: no lambda to link on the status path). */
    public static List<ProcessRow> rows(JsonNode array) {
        List<ProcessRow> out = new ArrayList<>();
        if (array != null) for (JsonNode e : array) out.add(row(e));
        return out;
    }

    /** The {@link #outcome}s of a JSON array, as {@link #rows}. */
    public static List<Outcome> outcomes(JsonNode array) {
        List<Outcome> out = new ArrayList<>();
        if (array != null) for (JsonNode e : array) out.add(outcome(e));
        return out;
    }

    /** Every element of a JSON array, converted. */
    public static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        List<T> out = new ArrayList<>();
        if (array != null) for (JsonNode e : array) out.add(each.apply(e));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A JSON object as plain Java values (numbers, strings, booleans, lists, maps). */
    private static Map<String, Object> map(JsonNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (n != null) n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
        return m;
    }

    private static Object plain(JsonNode v) {
        if (v.isObject()) return map(v);
        if (v.isArray()) return list(v, Wire::plain);
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue();
        return v.isNull() ? null : v.asText();
    }
}
