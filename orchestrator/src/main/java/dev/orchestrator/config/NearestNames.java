package dev.orchestrator.config;

import dev.orchestrator.plugin.TaskRegistries;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" hints for a misspelt name: the nearest known names as the task registry ranks them
 * ({@link TaskRegistries#nearest}), so configuration errors and a worker's spawn errors suggest the same names.
 */
final class NearestNames {

    private static final int LISTED = 5;

    private NearestNames() { }

    /** {@code "nearest: a, b"}; else the first known names; or {@code "none is defined"}. */
    static String describe(String name, Collection<String> known) {
        if (known.isEmpty()) return "none is defined";
        List<String> nearest = TaskRegistries.nearest(name, known);
        if (!nearest.isEmpty()) return "nearest: " + String.join(", ", nearest);
        List<String> some = known.stream().sorted().distinct().limit(LISTED).toList();
        return "known: " + String.join(", ", some) + (known.size() > LISTED ? ", ..." : "");
    }

    /** {@link #describe} in parentheses, after a space. */
    static String hint(String name, Collection<String> known) {
        return " (" + describe(name, known) + ")";
    }
}
