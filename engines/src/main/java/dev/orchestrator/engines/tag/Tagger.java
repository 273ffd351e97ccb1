package dev.orchestrator.engines.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;

/**
 * The {@code tag} engine type: Canopsis' automatic tags. The values of {@code connector_name}, {@code event_type},
 * {@code source_type}, {@code component} and {@code resource} are appended to {@code tags}, each once, empty values
 * left out. (Canopsis' selector tags need its selector records and are not part of it.)
 */
public final class Tagger implements Engine {

    public static final String TYPE = "tag";
    private static final String[] TAGGED = {"connector_name", "event_type", "source_type", "component", "resource"};

    @Override
    public ObjectNode onEvent(ObjectNode event) {
        tag(event);
        return null;
    }

    /** Adds the automatic tags; a missing or non-list {@code tags} becomes a list, as the cleaner makes it. */
    private static void tag(ObjectNode event) {
        JsonNode existing = event.get("tags");
        ArrayNode tags;
        if (existing instanceof ArrayNode list) {
            tags = list;
        } else {
            tags = event.putArray("tags");
            if (existing != null && existing.isTextual() && !existing.textValue().isEmpty()) tags.add(existing);
        }
        for (String field : TAGGED) {
            JsonNode value = event.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isEmpty() && !holds(tags, value)) {
                tags.add(value);
            }
        }
    }

    private static boolean holds(ArrayNode tags, JsonNode value) {
        for (JsonNode tag : tags) {
            if (tag.equals(value)) return true;
        }
        return false;
    }
}
