package dev.orchestrator.engines.filter;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python 2's {@code re} syntax, as Canopsis' rules were written for it, translated to {@link Pattern}'s:
 * {@code (?P<name>...)} and {@code (?P=name)} (Java's group names have no underscore, so names are renamed
 * {@code gN}), {@code {,n}}, a brace that starts no repetition (a literal in Python), {@code \Z} (Python's end of
 * input), and {@code [} or {@code &&} inside a character class (literals in Python, a union and an intersection in
 * Java). Lines end at {@code \n} only, as in Python. Only {@code i} of {@code $options} counts, as in
 * {@code mfilter.regex_computeoptions}.
 */
final class PythonRegex {

    private PythonRegex() { }

    /** Compiles a Python pattern; a {@link PatternSyntaxException} when Java cannot read even the translation. */
    static Pattern compile(String python, boolean ignoreCase) {
        int flags = Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(translate(python), flags);
    }

    static String translate(String python) {
        StringBuilder out = new StringBuilder(python.length() + 8);
        Map<String, String> names = new HashMap<>();
        boolean inClass = false;
        int classBody = -1;
        int n = python.length();
        for (int i = 0; i < n; i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = python.charAt(++i);
                out.append('\\').append(next == 'Z' && !inClass ? 'z' : next);
            } else if (inClass) {
                if (c == ']' && i != classBody) inClass = false;
                if (c == '[' || (c == '&' && i + 1 < n && python.charAt(i + 1) == '&')) out.append('\\');
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                classBody = i + 1 < n && python.charAt(i + 1) == '^' ? i + 2 : i + 1;
                out.append(c);
            } else if (python.startsWith("(?P<", i)) {
                int end = python.indexOf('>', i);
                if (end < 0) return python;
                String name = python.substring(i + 4, end);
                out.append("(?<").append(names.computeIfAbsent(name, k -> "g" + (names.size() + 1))).append('>');
                i = end;
            } else if (python.startsWith("(?P=", i)) {
                int end = python.indexOf(')', i);
                if (end < 0) return python;
                String java = names.get(python.substring(i + 4, end));
                if (java == null) return python;
                out.append("\\k<").append(java).append('>');
                i = end;
            } else if (c == '{') {
                int end = python.indexOf('}', i);
                String body = end < 0 ? "" : python.substring(i + 1, end);
                if (body.matches("\\d+(,\\d*)?") || body.matches(",\\d+")) {
                    int last = out.length() - 1;
                    if (last < 0 || out.charAt(last) == '(' || out.charAt(last) == '|') {
                        throw new PatternSyntaxException("nothing to repeat", python, i);
                    }
                }
                if (body.matches("\\d+(,\\d*)?")) {
                    out.append(c);
                } else if (body.matches(",\\d+")) {
                    out.append("{0");
                } else {
                    out.append("\\{");
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
