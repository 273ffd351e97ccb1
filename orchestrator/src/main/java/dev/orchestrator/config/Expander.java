package dev.orchestrator.config;

import java.util.Map;
import java.util.stream.Collectors;

/** supervisord's {@code expand()}: {@link PyFormat} with supervisord's error texts naming the option. */
final class Expander {

    private Expander() { }

    /**
     * Expands {@code value} with {@code names}; {@code option} is how supervisord names the option in its message
     * ({@code process_name}, {@code program:x.priority}...).
     */
    static String expand(String value, Map<String, ?> names, String option) throws InvalidValueException {
        try {
            return PyFormat.format(value, names);
        } catch (PyFormat.MissingName e) {
            throw new InvalidValueException("Format string " + PyFormat.repr(value) + " for " + PyFormat.repr(option)
                    + " contains names (" + PyFormat.repr(e.name) + ") which cannot be expanded. Available names: "
                    + available(names) + " (expected one of these names, or %% for a literal %)");
        } catch (PyFormat.BadFormat e) {
            throw new InvalidValueException("Format string " + PyFormat.repr(value) + " for " + PyFormat.repr(option)
                    + " is badly formatted: " + e.getMessage()
                    + " (expected %(name)s, %(name)d, %(name)02d... or %% for a literal %)");
        }
    }

    /** The names, sorted as Python sorts them, with the environment variables abbreviated to {@code ENV_...}. */
    private static String available(Map<String, ?> names) {
        String others = names.keySet().stream().filter(n -> !n.startsWith("ENV_")).sorted()
                .collect(Collectors.joining(", "));
        return others.isEmpty() ? "ENV_..." : "ENV_..., " + others;
    }
}
