package dev.orchestrator.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The known names closest to a misspelt one (Levenshtein distance), for "did you mean" hints. */
public final class NearestNames {

    private static final int MAX = 3;

    private NearestNames() { }

    /** Up to three candidates, nearest first (ties alphabetical). */
    public static List<String> of(String name, Collection<String> candidates) {
        return candidates.stream().distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
                .limit(MAX).toList();
    }

    /** {@code "nearest: a, b, c"}, or {@code "none is defined"} when there is no candidate. */
    public static String describe(String name, Collection<String> candidates) {
        List<String> nearest = of(name, candidates);
        return nearest.isEmpty() ? "none is defined" : "nearest: " + String.join(", ", nearest);
    }

    /** {@link #describe} in parentheses, after a space. */
    public static String hint(String name, Collection<String> candidates) {
        return " (" + describe(name, candidates) + ")";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
