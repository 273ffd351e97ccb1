package dev.orchestrator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.http.HttpExchange;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/** JSON answers and request bodies of the REST API, with the control protocol's mapper. */
final class Json {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private Json() {}

    static void respond(HttpExchange exchange, int status, Object value) throws IOException {
        exchange.header("Cache-Control", "no-store");
        exchange.respond(status, CONTENT_TYPE, Protocol.JSON.writeValueAsBytes(value));
    }

    /**
     * The body as a JSON object whose fields are among {@code fields}; an empty body is an empty object. Too long,
     * not JSON, not an object or an unknown field: 413 or 400 naming what is wrong.
     */
    static JsonNode object(byte[] body, int max, Set<String> fields) throws ApiError {
        if (body.length > max) throw new ApiError(413, "INCORRECT_PARAMETERS", "body longer than " + max + " bytes");
        if (body.length == 0) return Protocol.JSON.createObjectNode();
        JsonNode node;
        try {
            node = Protocol.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) return Protocol.JSON.createObjectNode();
        if (!node.isObject()) throw ApiError.badRequest("body is not a JSON object");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) throw ApiError.badRequest("unknown field \"" + name + "\" in the body");
        }
        return node;
    }
}
