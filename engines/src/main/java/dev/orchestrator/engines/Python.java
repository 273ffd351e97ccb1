package dev.orchestrator.engines;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * The bits of Python semantics that Canopsis' engines relied on, for decoded JSON values: truthiness and
 * {@code int()}. Shared by the built-in engines so that they agree on what a value means.
 */
public final class Python {

    private Python() { }

    /** Python truthiness: null, false, 0, "" and empty containers are false. */
    public static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }

    /** {@code int(value)}: numbers truncated, booleans 0/1, integer strings parsed; empty when Python would raise. */
    public static OptionalLong toInt(JsonNode value) {
        if (value.isBoolean()) {
            return OptionalLong.of(value.booleanValue() ? 1 : 0);
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            return Double.isFinite(d) ? OptionalLong.of(value.isIntegralNumber() ? value.longValue() : (long) d)
                    : OptionalLong.empty();
        }
        if (value.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(value.textValue().strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
