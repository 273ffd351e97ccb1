package dev.orchestrator.engines.cleaner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The cleaner's last decoding fallback, {@code BSON(body).decode()}: a BSON document (bsonspec.org) read into JSON,
 * for the types a Canopsis event holds (double, string, document, array, binary as nothing, ObjectId as its hex
 * string as {@code _clean_msg_for_serialization} wrote it, boolean, UTC datetime in milliseconds, null, int32,
 * int64). Anything else, or bytes that are not one whole document, is an {@link IllegalArgumentException}.
 */
final class Bson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Bson() { }

    static ObjectNode decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        try {
            ObjectNode document = JSON.objectNode();
            read(in, document);
            if (in.hasRemaining()) throw new IllegalArgumentException("bytes after the BSON document");
            return document;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a BSON document");
        }
    }

    /** One document (or array) into {@code into}. */
    private static void read(ByteBuffer in, JsonNode into) {
        int start = in.position();
        int length = in.getInt();
        if (length < 5 || start + length > in.limit()) throw new IllegalArgumentException("not a BSON document");
        int end = start + length - 1;
        while (in.position() < end) {
            byte type = in.get();
            String name = cstring(in);
            JsonNode value = value(type, in);
            if (into instanceof ObjectNode object) object.set(name, value);
            else ((ArrayNode) into).add(value);
        }
        if (in.position() != end || in.get() != 0) throw new IllegalArgumentException("not a BSON document");
    }

    private static JsonNode value(byte type, ByteBuffer in) {
        switch (type) {
            case 0x01: return JSON.numberNode(in.getDouble());
            case 0x02: {
                int length = in.getInt();
                if (length < 1) throw new IllegalArgumentException("not a BSON document");
                byte[] bytes = new byte[length - 1];
                in.get(bytes);
                in.get();
                return JSON.textNode(new String(bytes, StandardCharsets.UTF_8));
            }
            case 0x03: { ObjectNode o = JSON.objectNode(); read(in, o); return o; }
            case 0x04: { ArrayNode a = JSON.arrayNode(); read(in, a); return a; }
            case 0x07: { byte[] id = new byte[12]; in.get(id); return JSON.textNode(HexFormat.of().formatHex(id)); }
            case 0x08: return JSON.booleanNode(in.get() != 0);
            case 0x09: return JSON.numberNode(in.getLong());
            case 0x0A: return JSON.nullNode();
            case 0x10: return JSON.numberNode(in.getInt());
            case 0x12: return JSON.numberNode(in.getLong());
            default: throw new IllegalArgumentException("BSON type " + type + " is not supported");
        }
    }

    private static String cstring(ByteBuffer in) {
        int start = in.position();
        while (in.get() != 0) {
            // up to the terminating zero
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }
}
