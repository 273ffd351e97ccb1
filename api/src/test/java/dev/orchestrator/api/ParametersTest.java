package dev.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An engine's parameters read as types, with defaults, and errors naming the engine, the key and the value. */
class ParametersTest {

    private final Parameters parameters = new Parameters("severity", Map.of("min_state", " 2 ", "enabled", "Yes",
            "quiet", "off", "timeout", "1.5", "grace", "250ms", "window", "5m", "fields", "a, b,,c ", "name", " x "));

    @Test
    void readsEachTypeOrItsDefault() {
        assertEquals(2, parameters.integer("min_state", 0));
        assertEquals(7, parameters.integer("absent", 7));
        assertTrue(parameters.bool("enabled", false));
        assertFalse(parameters.bool("quiet", true));
        assertEquals(Duration.ofMillis(1500), parameters.duration("timeout", Duration.ZERO));
        assertEquals(Duration.ofMillis(250), parameters.duration("grace", Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), parameters.duration("window", Duration.ZERO));
        assertEquals(Duration.ofSeconds(3), parameters.duration("absent", Duration.ofSeconds(3)));
        assertEquals(List.of("a", "b", "c"), parameters.list("fields", List.of()));
        assertEquals(List.of("z"), parameters.list("absent", List.of("z")));
        assertEquals(Optional.of("x"), parameters.string("name"));
        assertEquals("d", parameters.string("absent", "d"));
        assertEquals(" 2 ", parameters.asMap().get("min_state"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheEngineTheKeyAndTheValue() {
        Parameters bad = new Parameters("severity", Map.of("min_state", "high", "enabled", "maybe", "timeout", "5 days",
                "negative", "-1s"));
        assertEquals("engine severity: parameter min_state='high' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> bad.integer("min_state", 0)).getMessage());
        assertEquals("engine severity: parameter enabled='maybe' is not a boolean (true/false, yes/no, on/off, 1/0)",
                assertThrows(IllegalArgumentException.class, () -> bad.bool("enabled", false)).getMessage());
        assertEquals("engine severity: parameter timeout='5 days' is not a duration (seconds, or a number with ms, s,"
                + " m or h)", assertThrows(IllegalArgumentException.class,
                        () -> bad.duration("timeout", Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> bad.duration("negative", Duration.ZERO));
    }
}
