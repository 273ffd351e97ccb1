package dev.orchestrator.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An engine's parameters (the keys of its {@code [engine:NAME]} section that are not typed keys), read as types with
 * defaults. A value that does not read as its type is an {@link IllegalArgumentException} naming the engine, the key
 * and the value: thrown while the engine is created, it makes the worker's start fail with that line.
 */
public final class Parameters {

    private static final Map<String, Boolean> BOOLEANS = Map.of("1", true, "yes", true, "true", true, "on", true,
            "0", false, "no", false, "false", false, "off", false);
    private static final Map<String, Duration> UNITS = Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "h", Duration.ofHours(1));

    private final String engine;
    private final Map<String, String> values;

    /** The parameters {@code values} of the engine {@code engine} (its name, for messages). */
    public Parameters(String engine, Map<String, String> values) {
        this.engine = engine;
        this.values = Map.copyOf(values);
    }

    /** Every parameter as written, sorted by key. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** The value of {@code key}, stripped of surrounding blanks; empty when it is not set. */
    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip);
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    /** A decimal integer. */
    public int integer(String key, int defaultValue) {
        return read(key, "an integer", Integer::valueOf).orElse(defaultValue);
    }

    /** {@code true/yes/on/1} or {@code false/no/off/0}, in any case (Python's ConfigParser booleans). */
    public boolean bool(String key, boolean defaultValue) {
        return read(key, "a boolean (true/false, yes/no, on/off, 1/0)", v -> {
            Boolean b = BOOLEANS.get(v.toLowerCase(Locale.ROOT));
            if (b == null) {
                throw new IllegalArgumentException(v);
            }
            return b;
        }).orElse(defaultValue);
    }

    /** A number of seconds ({@code 1.5}), or a number with a unit: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
    public Duration duration(String key, Duration defaultValue) {
        return read(key, "a duration (seconds, or a number with ms, s, m or h)", Parameters::duration)
                .orElse(defaultValue);
    }

    /** A comma-separated list, each item stripped, empty items dropped. */
    public List<String> list(String key, List<String> defaultValue) {
        return string(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(defaultValue);
    }

    private <T> Optional<T> read(String key, String expected, Function<String, T> parse) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.get()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("engine " + engine + ": parameter " + key + "='" + value.get()
                    + "' is not " + expected);
        }
    }

    private static Duration duration(String value) {
        int unitStart = value.length();
        while (unitStart > 0 && Character.isLetter(value.charAt(unitStart - 1))) {
            unitStart--;
        }
        String unitName = value.substring(unitStart).toLowerCase(Locale.ROOT);
        Duration unit = unitName.isEmpty() ? Duration.ofSeconds(1) : UNITS.get(unitName);
        BigDecimal amount = new BigDecimal(value.substring(0, unitStart).strip());
        if (unit == null || amount.signum() < 0) {
            throw new IllegalArgumentException(value);
        }
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unit.toNanos())).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }
}
