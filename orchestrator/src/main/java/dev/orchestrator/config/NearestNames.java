package dev.orchestrator.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" hints for a misspelt name (an option, a section, a task, an engine type): one ranking, so that
 * configuration errors and a worker's spawn errors suggest the same names.
 */
public final class NearestNames {

    private static final int LISTED = 5;

    private NearestNames() { }

    /** {@code "nearest: a, b"}; else the first known names; or {@code "none is defined"}. */
    public static String describe(String name, Collection<String> known) {
        if (known.isEmpty()) return "none is defined";
        List<String> nearest = NearestNames.nearest(name, known);
        if (!nearest.isEmpty()) return "nearest: " + String.join(", ", nearest);
        List<String> some = known.stream().sorted().distinct().limit(LISTED).toList();
        return "known: " + String.join(", ", some) + (known.size() > LISTED ? ", ..." : "");
    }

    /** {@link #describe} in parentheses, after a space. */
    static String hint(String name, Collection<String> known) {
        return " (" + describe(name, known) + ")";
    }

    /**
     * Up to three of {@code known} closest to {@code unknown}: those the unknown name is a dotted suffix of (or the
     * reverse) first, then by edit distance (within about a third of the name's length, or any distance when the
     * last dotted segment is the same), alphabetical among equals.
     */
    public static List<String> nearest(String unknown, Collection<String> known) {
        String target = unknown.toLowerCase(Locale.ROOT);
        String targetTail = target.substring(target.lastIndexOf('.') + 1);
        int limit = Math.max(2, target.length() / 3);
        return known.stream()
                .map(name -> candidate(name, target, targetTail))
                .filter(c -> c.distance <= limit || c.sameTail)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(3)
                .map(Candidate::name)
                .toList();
    }

    /**
     * A one-line "unknown KIND 'NAME' WHERE (nearest: a, b)" message, e.g.
     * {@code unknown task 'x.y' for event_processing of engine perfdata (nearest: x.z)}.
     */
    public static String unknownMessage(String kind, String name, String where, Collection<String> known) {
        List<String> near = nearest(name, known);
        return "unknown " + kind + " '" + name + "'" + (where == null || where.isEmpty() ? "" : " " + where)
                + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")");
    }

    private record Candidate(String name, int distance, boolean sameTail) { }

    private static Candidate candidate(String name, String target, String targetTail) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean sameTail = lower.substring(lower.lastIndexOf('.') + 1).equals(targetTail);
        boolean suffix = lower.endsWith("." + target) || target.endsWith("." + lower);
        return new Candidate(name, suffix ? 0 : editDistance(target, lower), sameTail);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
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
