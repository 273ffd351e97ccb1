package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.Locale;

/**
 * One action of an event_filter rule, with Canopsis' semantics. Only {@link Pass} passes the event on by itself;
 * {@link Override}, {@link Remove} and {@link Route} change it and leave the decision to a {@code pass} or to the
 * default action, exactly as in Canopsis. {@code drop} is no action object: a rule ends with it (see {@link Rule}).
 */
sealed interface Action {

    /** Applies the action of rule {@code rule} to the event in hand, recording a pass or a route in {@code outcome}. */
    void apply(ObjectNode event, Outcome outcome, String rule);

    /**
     * What the applied actions decided for one event: the first rule that passed it, the last route, and how many
     * {@code pass} actions ran (the original counted each in its statistics).
     */
    final class Outcome {
        String passedBy;
        String route;
        int passes;
    }

    /** An action's type in lower case; an {@link IllegalArgumentException} when it has none. */
    static String type(JsonNode action) {
        if (!action.isObject()) throw new IllegalArgumentException("an action must be an object, got " + MFilter.describe(action));
        JsonNode type = action.get("type");
        if (type == null || !type.isTextual()) throw new IllegalArgumentException("an action needs a 'type'");
        return type.textValue().toLowerCase(Locale.ROOT);
    }

    /** Reads one action other than drop; an {@link IllegalArgumentException} says what is wrong with it. */
    static Action parse(JsonNode action) {
        String type = type(action);
        return switch (type) {
            case "pass" -> Pass.INSTANCE;
            case "override" -> Override.parse(action);
            case "remove" -> Remove.parse(action);
            case "route" -> Route.parse(action);
            default -> throw new IllegalArgumentException("action type '" + type
                    + "' is not supported (pass, drop, override, remove, route)");
        };
    }

    /** {@code pass}: the event goes on. */
    enum Pass implements Action {
        INSTANCE;

        @java.lang.Override
        public void apply(ObjectNode event, Outcome outcome, String rule) {
            if (outcome.passedBy == null) outcome.passedBy = rule;
            outcome.passes++;
        }
    }

    /**
     * {@code override}: sets {@code field} to {@code value}. A scalar value is appended to a list field and
     * replaces anything else; a list value replaces the field ({@code operation: override}) or is concatenated to
     * it ({@code append}, the default; a scalar field becomes the list's first element).
     */
    record Override(String field, JsonNode value, boolean append) implements Action {

        static Override parse(JsonNode action) {
            JsonNode field = action.get("field");
            JsonNode value = action.get("value");
            if (field == null || !field.isTextual() || value == null || value.isNull()) {
                throw new IllegalArgumentException("override needs a 'field' name and a non-null 'value'");
            }
            JsonNode operation = action.get("operation");
            String op = operation == null || operation.isNull() ? "append" : operation.asText();
            if (!op.equals("append") && !op.equals("override")) {
                throw new IllegalArgumentException("override operation '" + op + "' is not supported (append, override)");
            }
            return new Override(field.textValue(), value, op.equals("append"));
        }

        @java.lang.Override
        public void apply(ObjectNode event, Outcome outcome, String rule) {
            JsonNode current = event.get(field);
            if (current == null || (value.isArray() && !append)) {
                event.set(field, value.deepCopy());
            } else if (!value.isArray()) {
                if (current.isArray()) ((ArrayNode) current).add(value.deepCopy());
                else event.set(field, value.deepCopy());
            } else if (current.isArray()) {
                ((ArrayNode) current).addAll((ArrayNode) value.deepCopy());
            } else {
                event.putArray(field).add(current).addAll((ArrayNode) value.deepCopy());
            }
        }
    }

    /**
     * {@code remove}: deletes {@code key}, or only {@code element} from it: a key of an object field, the first
     * equal item of a list field, or with {@code met} the first item whose {@code name} is {@code element}.
     * Removing what is not there does nothing.
     */
    record Remove(String key, JsonNode element, boolean byName) implements Action {

        static Remove parse(JsonNode action) {
            JsonNode key = action.get("key");
            if (key == null || !key.isTextual() || key.textValue().isEmpty()) {
                throw new IllegalArgumentException("remove needs a 'key'");
            }
            JsonNode element = action.get("element");
            return new Remove(key.textValue(), Python.truthy(element) ? element : null, Python.truthy(action.get("met")));
        }

        @java.lang.Override
        public void apply(ObjectNode event, Outcome outcome, String rule) {
            if (element == null) {
                event.remove(key);
                return;
            }
            JsonNode target = event.get(key);
            if (target instanceof ObjectNode object && !byName) {
                object.remove(element.asText());
            } else if (target instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = byName ? list.get(i).get("name") : list.get(i);
                    if (item != null && JsonValues.same(item, element)) {
                        list.remove(i);
                        return;
                    }
                }
            }
        }
    }

    /**
     * {@code route}: the event goes to {@code amq.direct} with the value as its routing key, as the original's
     * {@code next_amqp_queues = [route]} did (a queue name: {@code Engine_perfdata}, or {@code task_mail}), instead
     * of to the engines in {@code next}; for this event only (the original's route stuck to every later event).
     */
    record Route(String queue) implements Action {

        static Route parse(JsonNode action) {
            JsonNode route = action.get("route");
            if (route == null || !route.isTextual() || route.textValue().isBlank()) {
                throw new IllegalArgumentException("route needs a 'route' (a queue name, e.g. Engine_perfdata)");
            }
            return new Route(route.textValue());
        }

        @java.lang.Override
        public void apply(ObjectNode event, Outcome outcome, String rule) {
            outcome.route = queue;
        }
    }
}
