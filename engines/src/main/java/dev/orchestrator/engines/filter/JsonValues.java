package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's value semantics over JSON, as Canopsis' rules relied on them: numbers equal and order by value
 * whatever their JSON type ({@code 1 == 1.0}), and strings order lexicographically
 * (truthiness is {@link dev.orchestrator.engines.Python#truthy}).
 */
final class JsonValues {

    static final int UNORDERED = Integer.MIN_VALUE;

    private JsonValues() { }

    /** Python's {@code ==} on decoded JSON. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return compareNumbers(a, b) == 0;
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

    /** True when {@code container} (an array) holds an element {@link #same} as {@code value}. */
    static boolean contains(JsonNode container, JsonNode value) {
        for (JsonNode element : container) {
            if (same(element, value)) return true;
        }
        return false;
    }

    /**
     * The order of two numbers or of two strings (-1, 0, 1); {@link #UNORDERED} when they cannot be ordered
     * (then {@code $gt} and the others do not match).
     */
    static int order(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return Integer.signum(compareNumbers(a, b));
        if (a.isTextual() && b.isTextual()) return Integer.signum(a.textValue().compareTo(b.textValue()));
        return UNORDERED;
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a.isBigDecimal() || b.isBigDecimal() || a.isBigInteger() || b.isBigInteger()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }
}
