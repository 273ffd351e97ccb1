package dev.orchestrator.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4 (the Prometheus Java client has a writer but no
 * parser): every line is a {@code # HELP}, a {@code # TYPE} or a sample; a sample belongs to a family whose TYPE came
 * before it (counters end in {@code _total}, histograms have {@code _bucket} with {@code le}, {@code _sum},
 * {@code _count}); names and label names follow the format's grammar; label values are escaped; values are floats.
 * Anything else fails the read with the line.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)})? "
                    + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: its full name (with suffix), labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    final Map<String, String> types = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) continue;
            if (line.startsWith("# HELP ")) {
                String name = line.substring(7).split(" ", 2)[0];
                if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("line " + n + ": " + line);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !NAME.matcher(parts[0]).matches()
                        || !List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[1])) {
                    throw new IllegalArgumentException("line " + n + ": " + line);
                }
                if (parsed.types.put(parts[0], parts[1]) != null) {
                    throw new IllegalArgumentException("line " + n + ": second TYPE for " + parts[0]);
                }
            } else {
                parsed.samples.add(parsed.sample(line, n));
            }
        }
        return parsed;
    }

    private Sample sample(String line, int n) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) throw new IllegalArgumentException("line " + n + " is not a sample: " + line);
        String name = m.group(1);
        String family = family(name);
        if (family == null) throw new IllegalArgumentException("line " + n + ": no TYPE before " + name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) labels.put(l.group(1), l.group(2));
        }
        if (name.endsWith("_bucket") && !labels.containsKey("le")) {
            throw new IllegalArgumentException("line " + n + ": bucket without le");
        }
        return new Sample(name, labels, Double.parseDouble(m.group(3).replace("Inf", "Infinity")));
    }

    /** The declared family of a sample name: itself (the client declares counters with _total), or its base. */
    private String family(String name) {
        if (types.containsKey(name)) return name;
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            String base = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
            if (base == null) continue;
            if ("histogram".equals(types.get(base))) return base;
            if ("summary".equals(types.get(base)) && !suffix.equals("_bucket")) return base;
        }
        return null;
    }

    /** The value of the one sample {@code name} whose labels include {@code labels}. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() != 1) throw new AssertionError(found.size() + " samples " + name + labels + " in " + samples.size());
        return found.get(0).value();
    }

    List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
