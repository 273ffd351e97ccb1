package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled Canopsis {@code mfilter}, tested against one event exactly as {@code check()} and {@code field_check()}
 * of Canopsis' {@code old/mfilter.py} did (the same file in 2016 and 2018); docs/engines.md lists each case. In short:
 * a key is a literal field name (no dotted paths) and a field the event lacks matches nothing, not even
 * {@code $exists: false}; {@code $and $or $nor} take lists ({@code $or: []} matches); a plain value is compared with
 * Python's {@code ==} (a list field equals only a list); {@code $in} and {@code $nin} use Python's {@code in} (a
 * string argument is searched as a substring), on a list or dict field an element (or the {@code name} of dict
 * elements) containing a listed string matches {@code $in}, and {@code $nin} on a list of strings or a dict always
 * matches; a document with {@code $in} or {@code $nin} checks nothing else; {@code $options} counts only {@code i};
 * regular expressions are Python's ({@link PythonRegex}), searched. Where the original raised, the rule does not
 * match the event. Unknown operators and bad regular expressions are compile errors naming the field (the original
 * never matched such a rule).
 */
public final class MFilter {

    /** The test of one whole event. */
    private interface Condition {
        boolean test(ObjectNode event);
    }

    /** The test of the value of a field the event has. */
    private interface ValueTest {
        boolean test(JsonNode value);
    }

    private static final Set<String> FIELD_OPERATORS = Set.of("$exists", "$eq", "$ne", "$gt", "$gte", "$lt", "$lte",
            "$regex", "$notregex", "$options", "$in", "$nin", "$not", "$all");

    private final Condition root;

    private MFilter(Condition root) {
        this.root = root;
    }

    /** Compiles a filter document; an {@link IllegalArgumentException} says what is wrong and where. */
    public static MFilter compile(JsonNode filter) {
        return new MFilter(document(filter, "mfilter"));
    }

    public boolean matches(ObjectNode event) {
        try {
            return root.test(event);
        } catch (JsonValues.PythonError e) {
            return false;
        }
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
                    ValueTest test = valueTest(key, value);
                    all.add(event -> {
                        JsonNode field = event.get(key);
                        return field != null && test.test(field);
                    });
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

    /** {@code check()}'s test of one field the event has. */
    private static ValueTest valueTest(String field, JsonNode expected) {
        if (!expected.isObject() || !hasOperator(expected)) return value -> JsonValues.same(value, expected);
        JsonNode in = expected.get("$in");
        if (in != null) {
            return value -> value.isContainerNode() ? containerIn(value, in) : JsonValues.in(value, in);
        }
        JsonNode nin = expected.get("$nin");
        if (nin != null) {
            return value -> value.isContainerNode() ? containerNin(value) : !JsonValues.in(value, nin);
        }
        return fieldCheck(field, expected);
    }

    private static boolean hasOperator(JsonNode doc) {
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("$")) return true;
        }
        return false;
    }

    /** {@code $in} on a list or dict field: an element (a list of dicts: an element's name) contains a listed item. */
    private static boolean containerIn(JsonNode value, JsonNode listed) {
        boolean named = value.isArray() && value.size() > 0 && value.get(0).isObject();
        for (JsonNode element : JsonValues.iterate(value)) {
            JsonNode haystack = element;
            if (named) {
                haystack = element.isObject() ? element.get("name") : null;
                if (haystack == null) throw new JsonValues.PythonError("KeyError: 'name'");
            }
            for (JsonNode item : JsonValues.iterate(listed)) {
                if (JsonValues.in(item, haystack)) return true;
            }
        }
        return false;
    }

    /**
     * {@code $nin} on a list or dict field: the original tested a list of dicts against the document's
     * {@code $in} (a KeyError, since it has none) and an empty list's first element (an IndexError), and nothing
     * else: any other list or dict matches.
     */
    private static boolean containerNin(JsonNode value) {
        if (value.isArray()) {
            if (value.isEmpty()) throw new JsonValues.PythonError("IndexError: list index out of range");
            if (value.get(0).isObject()) throw new JsonValues.PythonError("KeyError: '$in'");
        }
        return true;
    }

    /** {@code field_check()}: every operator of the document holds. */
    private static ValueTest fieldCheck(String field, JsonNode doc) {
        List<ValueTest> all = new ArrayList<>(doc.size());
        JsonNode options = doc.get("$options");
        boolean ignoreCase = options != null && options.isTextual() && options.textValue().contains("i");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String op = entry.getKey();
            JsonNode arg = entry.getValue();
            if (!FIELD_OPERATORS.contains(op)) {
                throw new IllegalArgumentException(where(field) + "unknown operator '" + op + "'");
            }
            ValueTest test = switch (op) {
                case "$exists" -> {
                    boolean exists = Python.truthy(arg);
                    yield value -> exists;
                }
                case "$eq" -> value -> JsonValues.same(value, arg);
                case "$ne" -> value -> !JsonValues.same(value, arg);
                case "$gt" -> ordering(arg, order -> order > 0);
                case "$gte" -> ordering(arg, order -> order >= 0);
                case "$lt" -> ordering(arg, order -> order < 0);
                case "$lte" -> ordering(arg, order -> order <= 0);
                case "$in" -> value -> JsonValues.in(value, arg);
                case "$nin" -> value -> !JsonValues.in(value, arg);
                case "$all" -> value -> {
                    for (JsonNode item : JsonValues.iterate(arg)) {
                        if (value.isArray() ? !JsonValues.in(item, value) : !JsonValues.same(item, value)) return false;
                    }
                    return true;
                };
                case "$regex" -> regexTest(pattern(field, op, arg, ignoreCase));
                case "$notregex" -> {
                    ValueTest regex = regexTest(pattern(field, op, arg, ignoreCase));
                    yield value -> !regex.test(value);
                }
                case "$options" -> {
                    if (!doc.has("$regex") && !doc.has("$notregex")) {
                        throw new IllegalArgumentException(where(field) + "$options without $regex or $notregex"
                                + " (the original never matched it)");
                    }
                    yield value -> true;
                }
                default -> { // $not
                    ValueTest inner = arg.isTextual() ? regexTest(pattern(field, op, arg, ignoreCase))
                            : arg.isObject() ? fieldCheck(field, arg) : null;
                    if (inner == null) {
                        throw new IllegalArgumentException(where(field) + "$not needs an operator document or a regular"
                                + " expression, got " + describe(arg));
                    }
                    yield value -> !inner.test(value);
                }
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

    /** {@code $gt} and the others: Python 2's order of the value and the argument is accepted. */
    private static ValueTest ordering(JsonNode arg, IntPredicate accept) {
        return value -> {
            int order = JsonValues.order(value, arg);
            return order != JsonValues.UNORDERED && accept.test(order);
        };
    }

    /** {@code regex_match()}: null never matches; any other value that is not a string made the original raise. */
    private static ValueTest regexTest(Pattern pattern) {
        return value -> {
            if (value.isNull()) return false;
            if (!value.isTextual()) throw new JsonValues.PythonError(JsonValues.describe(value) + " has no attribute 'encode'");
            return pattern.matcher(value.textValue()).find();
        };
    }

    private static Pattern pattern(String field, String op, JsonNode arg, boolean ignoreCase) {
        if (!arg.isTextual()) {
            throw new IllegalArgumentException(where(field) + op + " needs a string pattern, got " + describe(arg));
        }
        try {
            return PythonRegex.compile(arg.textValue(), ignoreCase);
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
