package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One event_filter rule as Canopsis stored it: {@code {crecord_type: "filter", enable: true, name, mfilter, actions,
 * break, priority}}. {@code actions} holds the actions before the first {@code drop}, {@code drops} says whether
 * there is one (what follows a drop can never run). A rule whose mfilter is empty matches nothing, as in Canopsis.
 */
record Rule(String name, MFilter filter, List<Action> actions, boolean drops, boolean breaks, JsonNode priority) {

    /** MongoDB's {@code sort('priority')}: rules without a priority first, then numbers, then strings. */
    static final Comparator<Rule> BY_PRIORITY = Comparator.comparingInt((Rule rule) -> typeOrder(rule.priority))
            .thenComparing((a, b) -> a.priority.isNumber() ? Double.compare(a.priority.doubleValue(), b.priority.doubleValue())
                    : a.priority.isTextual() ? a.priority.textValue().compareTo(b.priority.textValue()) : 0);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNAVAILABLE = Set.of("snooze", "execjob");

    boolean matches(ObjectNode event) {
        return filter != null && filter.matches(event);
    }

    private static int typeOrder(JsonNode priority) {
        return priority.isNull() ? 0 : priority.isNumber() ? 1 : priority.isTextual() ? 2 : 3;
    }

    /**
     * Reads the rule at {@code index} (from 1); an {@link IllegalArgumentException} names it and says what is wrong.
     * Canopsis' {@code snooze} and {@code execjob} actions need its alarm and scheduler services: they are left
     * out with a line in {@code warnings}, so that a rule set exported from Canopsis still loads.
     */
    static Rule parse(JsonNode record, int index, List<String> warnings) {
        String name = label(record, index);
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
                            warnings.add(name + ": action " + n + ": " + type
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
            JsonNode nameNode = record.get("name");
            return new Rule(nameNode != null && nameNode.isTextual() ? nameNode.textValue() : "no_name",
                    filter(record.get("mfilter")), List.copyOf(actions), drops, Python.truthy(record.get("break")),
                    priority == null ? NullNode.instance : priority);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** {@code rule #3 'name'}, for messages. */
    static String label(JsonNode record, int index) {
        JsonNode name = record.get("name");
        return name != null && name.isTextual() ? "rule #" + index + " '" + name.textValue() + "'" : "rule #" + index;
    }

    /** The compiled mfilter, null when empty; Canopsis stored it as a JSON string, so a string is parsed first. */
    private static MFilter filter(JsonNode mfilter) {
        if (mfilter == null) throw new IllegalArgumentException("no 'mfilter'");
        if (mfilter.isTextual()) {
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
