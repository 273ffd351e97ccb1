package dev.orchestrator.config;

import java.util.Map;
import java.util.Optional;

/**
 * Typed, expanded values of one section. A bad value is reported (file, line, section, key, what is wrong and
 * what is expected) and replaced by the fallback, so reading goes on and every mistake is listed.
 */
final class SectionValues {

    /** Converts a raw value, throwing with supervisord's text when it cannot. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String value) throws InvalidValueException;
    }

    private final IniSection section;
    private final Problems problems;

    SectionValues(IniSection section, Problems problems) {
        this.section = section;
        this.problems = problems;
    }

    IniSection section() { return section; }

    boolean has(String key) { return section.entry(key).isPresent(); }

    /** The raw value as written (comments stripped), or {@code fallback} when the key is absent. */
    String raw(String key, String fallback) {
        IniEntry entry = section.entry(key).orElse(null);
        return entry == null ? fallback : entry.value();
    }

    /** The value (or the default) expanded with {@code names}; on a bad format, the error and {@code fallback}. */
    String expanded(String key, String dflt, Map<String, ?> names) {
        return expanded(key, dflt, names, section.name() + '.' + key);
    }

    String expanded(String key, String dflt, Map<String, ?> names, String optionName) {
        String value = raw(key, dflt);
        if (value == null) return null;
        try {
            return Expander.expand(value, names, optionName);
        } catch (InvalidValueException e) {
            error(key, e.getMessage());
            return null;
        }
    }

    /** The expanded value parsed by {@code parser}; {@code fallback} when expansion or parsing fails. */
    <T> T typed(String key, String dflt, Map<String, ?> names, Parser<T> parser, T fallback) {
        String value = expanded(key, dflt, names);
        if (value == null) return fallback;
        return parse(key, value, parser).orElse(fallback);
    }

    <T> Optional<T> parse(String key, String value, Parser<T> parser) {
        try {
            return Optional.ofNullable(parser.parse(value));
        } catch (InvalidValueException e) {
            error(key, e.getMessage());
            return Optional.empty();
        }
    }

    Source sourceOf(String key) { return section.sourceOf(key); }

    void error(String key, String message) {
        problems.error(section.sourceOf(key), message);
    }

    void warning(String key, String message) {
        problems.warning(section.sourceOf(key), message);
    }

    void note(String key, String message) {
        problems.note(section.sourceOf(key), message);
    }
}
