package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled Canopsis {@code mfilter}: a MongoDB-style query document tested against one event, as
 * {@code canopsis.old.mfilter.check} did. Compiling once checks the document and compiles its regular expressions,
 * so a rule costs no parsing per event.
 *
 * <p>Supported: implicit equality (an array field also matches when it holds the value), {@code $and $or $nor},
 * and per field {@code $eq $ne $gt $gte $lt $lte $in $nin $all $exists $regex $notregex $options $not}. As in
 * Canopsis a field the event lacks matches nothing but {@code $exists: false}; numbers compare by value, strings
 * lexicographically; {@code $in} on an array field matches when an element (or an element's {@code name}) is
 * listed, and on an object field when one of its keys is. A key with dots that the event lacks is read as a path
 * ({@code perf_data_array.0.metric}). Anything else is a compile error naming the field and the operator.
 */
public final class MFilter {

    /** The test of one whole event. */
    private interface Condition {
        boolean test(ObjectNode event);
    }

    /** The test of one field's value, null when the event lacks the field. */
    private interface ValueTest {
        boolean test(JsonNode value);
    }

    private final Condition root;

    private MFilter(Condition root) {
        this.root = root;
    }

    /** Compiles a filter document; an {@link IllegalArgumentException} says what is wrong and where. */
    public static MFilter compile(JsonNode filter) {
        return new MFilter(document(filter, "mfilter"));
    }

    public boolean matches(ObjectNode event) {
        return root.test(event);
    }

    private static Condition document(JsonNode filter, String where) {
        if (filter == null || !filter.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object, got " + describe(filter));
        }
        List<Condition> all = new ArrayList<>(filter.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "$and" -> all.add(allOf(documents(value, key)));
                case "$or" -> {
                    // Canopsis: an empty $or matches
                    Condition[] parts = documents(value, key).toArray(Condition[]::new);
                    all.add(event -> {
                        for (Condition part : parts) {
                            if (part.test(event)) return true;
                        }
                        return parts.length == 0;
                    });
                }
                case "$nor" -> {
                    Condition[] parts = documents(value, key).toArray(Condition[]::new);
                    all.add(event -> {
                        for (Condition part : parts) {
                            if (part.test(event)) return false;
                        }
                        return true;
                    });
                }
                default -> {
                    if (key.startsWith("$")) throw new IllegalArgumentException("unknown operator '" + key + "'");
                    all.add(field(key, valueTest(key, value)));
                }
            }
        }
        return all.size() == 1 ? all.get(0) : allOf(all);
    }

    private static Condition allOf(List<Condition> conditions) {
        Condition[] parts = conditions.toArray(Condition[]::new);
        return event -> {
            for (Condition part : parts) {
                if (!part.test(event)) return false;
            }
            return true;
        };
    }

    private static List<Condition> documents(JsonNode value, String operator) {
        if (!value.isArray()) {
            throw new IllegalArgumentException(operator + " needs an array of filters, got " + describe(value));
        }
        List<Condition> parts = new ArrayList<>(value.size());
        for (JsonNode part : value) parts.add(document(part, operator + " element"));
        return parts;
    }

    private static Condition field(String key, ValueTest test) {
        if (key.indexOf('.') < 0) return event -> test.test(event.get(key));
        String[] path = key.split("\\.");
        return event -> {
            JsonNode value = event.get(key);
            return test.test(value != null ? value : walk(event, path));
        };
    }

    private static JsonNode walk(JsonNode node, String[] path) {
        for (String step : path) {
            if (node == null) return null;
            if (node.isArray()) {
                node = step.chars().allMatch(Character::isDigit) && !step.isEmpty() ? node.get(Integer.parseInt(step)) : null;
            } else {
                node = node.get(step);
            }
        }
        return node;
    }

    private static ValueTest valueTest(String field, JsonNode expected) {
        if (expected.isObject() && hasOperator(expected)) return operators(field, expected);
        return value -> value != null && (JsonValues.same(value, expected)
                || (value.isArray() && !expected.isArray() && JsonValues.contains(value, expected)));
    }

    private static boolean hasOperator(JsonNode doc) {
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("$")) return true;
        }
        return false;
    }

    private static ValueTest operators(String field, JsonNode doc) {
        List<ValueTest> all = new ArrayList<>(doc.size());
        JsonNode options = doc.get("$options");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String op = entry.getKey();
            JsonNode arg = entry.getValue();
            ValueTest test = switch (op) {
                case "$exists" -> {
                    boolean exists = Python.truthy(arg);
                    yield value -> (value != null) == exists;
                }
                case "$eq" -> value -> value != null && JsonValues.same(value, arg);
                case "$ne" -> value -> value != null && !JsonValues.same(value, arg);
                case "$gt" -> ordering(arg, order -> order > 0);
                case "$gte" -> ordering(arg, order -> order >= 0);
                case "$lt" -> ordering(arg, order -> order < 0);
                case "$lte" -> ordering(arg, order -> order <= 0);
                case "$in" -> {
                    JsonNode listed = list(arg);
                    yield value -> value != null && in(value, listed);
                }
                case "$nin" -> {
                    JsonNode listed = list(arg);
                    yield value -> value != null && !in(value, listed);
                }
                case "$all" -> {
                    JsonNode listed = list(arg);
                    yield value -> value != null && all(value, listed);
                }
                case "$regex" -> regexTest(pattern(field, op, arg, options));
                case "$notregex" -> {
                    ValueTest regex = regexTest(pattern(field, op, arg, options));
                    yield value -> value != null && !regex.test(value);
                }
                case "$options" -> {
                    if (!doc.has("$regex") && !doc.has("$notregex") && !(doc.has("$not") && doc.get("$not").isTextual())) {
                        throw new IllegalArgumentException(where(field) + "$options without $regex");
                    }
                    yield value -> true;
                }
                case "$not" -> {
                    ValueTest inner = arg.isTextual()
                            ? regexTest(pattern(field, op, arg, options))
                            : arg.isObject() && hasOperator(arg) ? operators(field, arg) : null;
                    if (inner == null) {
                        throw new IllegalArgumentException(where(field) + "$not needs an operator document or a regular expression, got " + describe(arg));
                    }
                    yield value -> value != null && !inner.test(value);
                }
                default -> throw new IllegalArgumentException(where(field) + "unknown operator '" + op + "'");
            };
            all.add(test);
        }
        ValueTest[] tests = all.toArray(ValueTest[]::new);
        return value -> {
            for (ValueTest test : tests) {
                if (!test.test(value)) return false;
            }
            return true;
        };
    }

    /** {@code $gt} and the others: the value and the argument can be ordered, and their order is accepted. */
    private static ValueTest ordering(JsonNode arg, IntPredicate accept) {
        return value -> {
            if (value == null) return false;
            int order = JsonValues.order(value, arg);
            return order != JsonValues.UNORDERED && accept.test(order);
        };
    }

    private static ValueTest regexTest(Pattern pattern) {
        return value -> value != null && value.isTextual() && pattern.matcher(value.textValue()).find();
    }

    /** {@code $in}: a scalar value is listed; an array holds a listed element or an element whose name is listed; an object has a listed key. */
    private static boolean in(JsonNode value, JsonNode listed) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (JsonValues.contains(listed, element)) return true;
                JsonNode name = element.isObject() ? element.get("name") : null;
                if (name != null && JsonValues.contains(listed, name)) return true;
            }
            return false;
        }
        if (value.isObject()) {
            for (JsonNode item : listed) {
                if (item.isTextual() && value.has(item.textValue())) return true;
            }
            return false;
        }
        return JsonValues.contains(listed, value);
    }

    /** {@code $all}: every listed item is in the field (a scalar field counts as a one-element list). */
    private static boolean all(JsonNode value, JsonNode listed) {
        for (JsonNode item : listed) {
            boolean held = value.isArray() ? JsonValues.contains(value, item) : JsonValues.same(value, item);
            if (!held) return false;
        }
        return true;
    }

    /** A list argument; a scalar is read as a one-element list (Canopsis' sample rules wrote {@code {"$in": "tag"}}). */
    private static JsonNode list(JsonNode arg) {
        if (arg.isArray()) return arg;
        return JsonNodeFactory.instance.arrayNode().add(arg);
    }

    private static Pattern pattern(String field, String op, JsonNode arg, JsonNode options) {
        if (!arg.isTextual()) {
            throw new IllegalArgumentException(where(field) + op + " needs a string pattern, got " + describe(arg));
        }
        int flags = 0;
        if (options != null) {
            if (!options.isTextual()) {
                throw new IllegalArgumentException(where(field) + "$options must be a string, got " + describe(options));
            }
            for (char c : options.textValue().toCharArray()) {
                flags |= switch (c) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    case 'x' -> Pattern.COMMENTS;
                    default -> throw new IllegalArgumentException(where(field) + "unknown $options flag '" + c + "' (i, m, s, x)");
                };
            }
        }
        try {
            return Pattern.compile(arg.textValue(), flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where(field) + op + " '" + arg.textValue() + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private static String where(String field) {
        return "field '" + field + "': ";
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        String text = node.toString();
        return node.getNodeType().name().toLowerCase() + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
}
