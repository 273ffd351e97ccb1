package dev.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Canopsis' {@code get_routingkey(event)}: {@code connector.connector_name.event_type.source_type.component},
 * plus {@code .resource} when the event has a non-empty resource. Connectors, the feeder, the engines and the
 * runtime all publish events to {@code canopsis.events} under this key.
 */
public final class RoutingKeys {

    private static final String[] REQUIRED = {"connector", "connector_name", "event_type", "source_type", "component"};

    private RoutingKeys() { }

    /** The event's routing key; an {@link IllegalArgumentException} names the first required field it lacks. */
    public static String of(ObjectNode event) {
        StringBuilder key = new StringBuilder(64);
        for (String field : REQUIRED) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw new IllegalArgumentException("event has no '" + field + "' to build its routing key from");
            }
            if (key.length() > 0) key.append('.');
            key.append(value.asText());
        }
        JsonNode resource = event.get("resource");
        if (resource != null && resource.isValueNode() && !resource.isNull() && !resource.asText().isEmpty()) {
            key.append('.').append(resource.asText());
        }
        return key.toString();
    }
}
