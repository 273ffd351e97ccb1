package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One event_filter rule as Canopsis stored it: {@code {name, mfilter, actions, break, priority, enable}}.
 * {@code actions} holds the actions before the first {@code drop}, {@code drops} says whether there is one
 * (what follows a drop can never run). A rule whose mfilter is empty matches nothing, as in Canopsis.
 */
record Rule(String name, MFilter filter, List<Action> actions, boolean drops, boolean breaks, double priority, boolean enabled) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNAVAILABLE = Set.of("snooze", "execjob");

    boolean matches(ObjectNode event) {
        return filter != null && filter.matches(event);
    }

    /**
     * Reads the rule at {@code index} (from 1); an {@link IllegalArgumentException} names it and says what is wrong.
     * Canopsis' {@code snooze} and {@code execjob} actions need its alarm and scheduler services: they are left
     * out with a line in {@code warnings}, so that a rule set exported from Canopsis still loads.
     */
    static Rule parse(JsonNode record, int index, List<String> warnings) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("rule #" + index + " must be an object, got " + MFilter.describe(record));
        }
        JsonNode nameNode = record.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.textValue() : "#" + index;
        try {
            List<Action> actions = new ArrayList<>();
            boolean drops = false;
            JsonNode list = record.get("actions");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) throw new IllegalArgumentException("'actions' must be an array, got " + MFilter.describe(list));
                int n = 0;
                for (JsonNode action : list) {
                    n++;
                    try {
                        String type = Action.type(action);
                        if (type.equals("drop")) {
                            drops = true;
                            break;
                        }
                        if (UNAVAILABLE.contains(type)) {
                            warnings.add(label(nameNode, name, index) + ": action " + n + ": " + type
                                    + " needs Canopsis' alarm and scheduler services, left out");
                            continue;
                        }
                        actions.add(Action.parse(action));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("action " + n + ": " + e.getMessage());
                    }
                }
            }
            JsonNode priority = record.get("priority");
            if (priority != null && !priority.isNull() && !priority.isNumber()) {
                throw new IllegalArgumentException("'priority' must be a number, got " + MFilter.describe(priority));
            }
            JsonNode enable = record.get("enable");
            return new Rule(name, filter(record.get("mfilter")), List.copyOf(actions), drops,
                    Python.truthy(record.get("break")),
                    priority == null || priority.isNull() ? Double.NEGATIVE_INFINITY : priority.doubleValue(),
                    enable == null || Python.truthy(enable));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label(nameNode, name, index) + ": " + e.getMessage());
        }
    }

    private static String label(JsonNode nameNode, String name, int index) {
        return nameNode != null && nameNode.isTextual() ? "rule #" + index + " '" + name + "'" : "rule #" + index;
    }

    /** The compiled mfilter, null when empty; Canopsis stored it as a JSON string, so a string is parsed first. */
    private static MFilter filter(JsonNode mfilter) {
        if (mfilter != null && mfilter.isTextual()) {
            if (mfilter.textValue().isBlank()) return null;
            try {
                mfilter = JSON.readTree(mfilter.textValue());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("mfilter is a string but not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (!Python.truthy(mfilter)) return null;
        return MFilter.compile(mfilter);
    }
}
