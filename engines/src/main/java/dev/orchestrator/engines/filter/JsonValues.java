package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python 2.7's value semantics over decoded JSON, as Canopsis' {@code mfilter.check} applied them: {@code ==}
 * (numbers by value, {@code True == 1}), {@code in}, iteration and ordering (truthiness is
 * {@link dev.orchestrator.engines.Python#truthy}). Where Python raises, a {@link PythonError} says what it raised.
 */
final class JsonValues {

    static final int UNORDERED = Integer.MIN_VALUE;

    /** What Python raised: Canopsis lost the event; a rule here simply does not match it. */
    static final class PythonError extends RuntimeException {
        PythonError(String message) {
            super(message, null, false, false);
        }
    }

    private JsonValues() { }

    /** Python's {@code ==} on decoded JSON. */
    static boolean same(JsonNode a, JsonNode b) {
        if (numeric(a) && numeric(b)) return compareNumbers(a, b) == 0;
        if (a.getNodeType() != b.getNodeType()) return false;
        if (a.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) return false;
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Python's {@code item in container}: a substring of a string, an equal element of a list, a key of a dict;
     * a {@link PythonError} where Python raises a TypeError.
     */
    static boolean in(JsonNode item, JsonNode container) {
        if (container.isTextual()) {
            if (!item.isTextual()) throw new PythonError("'in <string>' requires string as left operand, not " + describe(item));
            return container.textValue().contains(item.textValue());
        }
        if (container.isArray()) {
            for (JsonNode element : container) {
                if (same(element, item)) return true;
            }
            return false;
        }
        if (container.isObject()) {
            if (item.isContainerNode()) throw new PythonError("unhashable type: " + describe(item));
            return item.isTextual() && container.has(item.textValue());
        }
        throw new PythonError("argument of type " + describe(container) + " is not iterable");
    }

    /** Python's {@code for x in value}: the characters of a string, the elements of a list, the keys of a dict. */
    static List<JsonNode> iterate(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isTextual()) {
            value.textValue().codePoints().forEach(c -> items.add(TextNode.valueOf(Character.toString(c))));
        } else if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isObject()) {
            value.fieldNames().forEachRemaining(name -> items.add(TextNode.valueOf(name)));
        } else {
            throw new PythonError(describe(value) + " object is not iterable");
        }
        return items;
    }

    /**
     * Python 2.7's order of two values (-1, 0, 1): numbers (booleans too) by value, strings by code points, lists
     * element by element; values of different types by Python 2's fixed order (None, numbers, dict, list,
     * string). {@link #UNORDERED} for two dicts, which Python 2 ordered by rules no rule can rely on.
     */
    static int order(JsonNode a, JsonNode b) {
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (numeric(a)) return Integer.signum(compareNumbers(a, b));
        if (a.isTextual()) return Integer.signum(a.textValue().compareTo(b.textValue()));
        if (a.isNull()) return 0;
        if (a.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!same(a.get(i), b.get(i))) return order(a.get(i), b.get(i));
            }
            return Integer.compare(a.size(), b.size());
        }
        return UNORDERED;
    }

    /** Python 2's order of types: None, numbers, then by type name: dict, list, unicode. */
    private static int rank(JsonNode value) {
        if (value.isNull()) return 0;
        if (numeric(value)) return 1;
        if (value.isObject()) return 2;
        if (value.isArray()) return 3;
        return 4;
    }

    private static boolean numeric(JsonNode value) {
        return value.isNumber() || value.isBoolean();
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isBoolean() || b.isBoolean()) return Double.compare(number(a), number(b));
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a.isBigDecimal() || b.isBigDecimal() || a.isBigInteger() || b.isBigInteger()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static double number(JsonNode value) {
        return value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.doubleValue();
    }

    /** A value's Python type name, for messages. */
    static String describe(JsonNode value) {
        if (value.isTextual()) return "'unicode'";
        if (value.isBoolean()) return "'bool'";
        if (value.isIntegralNumber()) return "'int'";
        if (value.isNumber()) return "'float'";
        if (value.isArray()) return "'list'";
        if (value.isObject()) return "'dict'";
        return "'NoneType'";
    }
}
