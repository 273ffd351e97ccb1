package dev.orchestrator.control.protocol;

import java.util.regex.Pattern;

/**
 * A shell pattern as Python's {@code fnmatch} reads it (which the supervisor-wildcards plugin applies to process
 * names, {@code supervisorwildcards/controllerplugin.py}, {@code _match_process}): {@code *} any text, {@code ?} one
 * character, {@code [seq]} and {@code [!seq]} a set; everything else literal; the whole name must match.
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    /** True when {@code name} has a pattern character, so it is a pattern rather than a name. */
    static boolean isPattern(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    static Glob of(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') j++;
                if (j < n && pattern.charAt(j) == ']') j++;
                while (j < n && pattern.charAt(j) != ']') j++;
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String set = pattern.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) set = "^" + set.substring(1);
                    else if (set.startsWith("^")) set = "\\" + set;
                    re.append('[').append(set.replace("[", "\\[")).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
