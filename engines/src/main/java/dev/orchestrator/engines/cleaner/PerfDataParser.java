package dev.orchestrator.engines.cleaner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canopsis' Nagios performance data parser ({@code canopsis.monitoring.parser.PerfDataParser}), same regular
 * expression, same results (the fidelity suite's perfdata_parser.json holds the original's): labels of letters,
 * digits, {@code / \\ : . % - { } ? [ ] ( ) _} and spaces, optionally quoted, then
 * {@code =value[unit];[warn];[crit];[min];[max]}, entries separated by spaces (or commas, which the value pattern
 * swallows), numbers with a decimal point or comma, {@code metric[unit]} labels split when no unit follows the
 * value. Entries without a value are skipped.
 */
public final class PerfDataParser {

    private static final Pattern ENTRY = Pattern.compile(
            "('?([0-9A-Za-z/\\\\:.%\\-{}?\\[\\]()_ ]*)'?=(-?[0-9.,]*)(([A-Za-z%/]*))"
                    + "(;@?(-?[0-9.,]*):?)?(;@?(-?[0-9.,]*):?)?(;@?(-?[0-9.,]*):?)?(;@?(-?[0-9.,]*):?)?(;? ?))");
    private static final int METRIC = 2;
    private static final int VALUE = 3;
    private static final int UNIT = 4;
    private static final int[] THRESHOLDS = {7, 9, 11, 13};
    private static final String[] THRESHOLD_KEYS = {"warn", "crit", "min", "max"};

    private PerfDataParser() { }

    /**
     * The {@code perf_data_array} entries of a perfdata string: {@code metric}, {@code value}, then {@code unit},
     * {@code warn}, {@code crit}, {@code min}, {@code max} when present.
     *
     * @throws IllegalArgumentException when a number cannot be read or an entry has neither label nor unit (where
     *         the original raised too)
     */
    public static List<ObjectNode> parse(String perfData) {
        List<ObjectNode> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(perfData);
        while (m.find()) {
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            putIfPresent(entry, "metric", m.group(METRIC));
            if (present(m.group(VALUE))) {
                entry.put("value", number(m.group(VALUE)));
            }
            putIfPresent(entry, "unit", m.group(UNIT));
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (present(m.group(THRESHOLDS[i]))) {
                    entry.put(THRESHOLD_KEYS[i], number(m.group(THRESHOLDS[i])));
                }
            }
            if (!entry.has("unit")) {
                guessUnit(entry);
            }
            if (entry.has("value") && entry.has("metric")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** {@code metric[unit]} (or {@code metric[unit}) labels carry their unit. */
    private static void guessUnit(ObjectNode entry) {
        if (!entry.has("metric")) {
            throw new IllegalArgumentException("perfdata entry without a label: " + entry);
        }
        String metric = entry.get("metric").asText();
        if (metric.endsWith("]")) {
            metric = metric.substring(0, metric.length() - 1);
        }
        int bracket = metric.indexOf('[');
        if (bracket >= 0) {
            entry.put("metric", metric.substring(0, bracket));
            entry.put("unit", metric.substring(bracket + 1));
        }
    }

    private static void putIfPresent(ObjectNode entry, String key, String value) {
        if (present(value)) {
            entry.put(key, value);
        }
    }

    private static boolean present(String group) {
        return group != null && !group.isEmpty();
    }

    /** Python's {@code float(s.replace(',', '.'))}: "5968," is 5968.0, "1,5" is 1.5, "1.2.3" is an error. */
    private static double number(String text) {
        String s = text.replace(',', '.');
        if (s.chars().filter(c -> c == '.').count() > 1 || s.equals(".") || s.equals("-") || s.equals("-.")) {
            throw new IllegalArgumentException("could not convert string to float: '" + s + "'");
        }
        return Double.parseDouble(s);
    }
}
