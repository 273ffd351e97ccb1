package dev.orchestrator.config;

import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code template % mapping}, the expansion supervisord applies to option values: {@code %(name)s},
 * {@code %(name)d}, any printf flags, width and precision ({@code %(process_num)02d}), and {@code %%}.
 * Names map to strings or integers. A missing name and a malformed template are reported with Python's texts,
 * which {@link Expander} wraps in supervisord's.
 */
final class PyFormat {

    /** A {@code %(name)} whose name is not in the mapping. */
    static final class MissingName extends Exception {
        final String name;

        MissingName(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }

    /** Anything else Python would raise: incomplete format, unsupported character, wrong type. */
    static final class BadFormat extends Exception {
        BadFormat(String message) {
            super(message, null, false, false);
        }
    }

    private static final String CONVERSIONS = "diuoxXeEfFgGcrsa%";

    private PyFormat() { }

    static String format(String template, Map<String, ?> names) throws MissingName, BadFormat {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= n) throw new BadFormat("incomplete format");
            Object value = null;
            boolean keyed = false;
            if (template.charAt(i) == '(') {
                int depth = 1;
                int keyStart = ++i;
                while (i < n && depth > 0) {
                    if (template.charAt(i) == '(') depth++;
                    else if (template.charAt(i) == ')') depth--;
                    i++;
                }
                if (depth > 0) throw new BadFormat("incomplete format key");
                String key = template.substring(keyStart, i - 1);
                if (!names.containsKey(key)) throw new MissingName(key);
                value = names.get(key);
                keyed = true;
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "#0- +".indexOf(template.charAt(i)) >= 0) flags.append(template.charAt(i++));
            int width = -1;
            int widthStart = i;
            while (i < n && Character.isDigit(template.charAt(i))) i++;
            if (i > widthStart) width = size(template.substring(widthStart, i), "width");
            int precision = -1;
            if (i < n && template.charAt(i) == '.') {
                int precStart = ++i;
                while (i < n && Character.isDigit(template.charAt(i))) i++;
                precision = i > precStart ? size(template.substring(precStart, i), "precision") : 0;
            }
            while (i < n && "hlL".indexOf(template.charAt(i)) >= 0) i++;
            if (i >= n) throw new BadFormat("incomplete format");
            char conversion = template.charAt(i++);
            if (conversion == '%' && !keyed) {
                out.append('%');
                continue;
            }
            if (CONVERSIONS.indexOf(conversion) < 0) {
                throw new BadFormat(String.format("unsupported format character '%c' (0x%x) at index %d",
                        conversion, (int) conversion, i - 1));
            }
            if (!keyed) throw new BadFormat("%" + conversion + " has no (name); write %(name)" + conversion);
            out.append(convert(value, flags.toString(), width, precision, conversion));
        }
        return out.toString();
    }

    /** A width or precision; Python fails on one too big to allocate, so does this, before trying. */
    private static int size(String digits, String what) throws BadFormat {
        if (digits.length() > 4) throw new BadFormat(what + " too big");
        return Integer.parseInt(digits);
    }

    private static String convert(Object value, String flags, int width, int precision, char conversion)
            throws BadFormat {
        String body;
        boolean numeric = true;
        switch (conversion) {
            case 'd', 'i', 'u' -> body = integer(value, conversion, precision, 10, flags, false);
            case 'x', 'X', 'o' -> body = integer(value, conversion, precision, conversion == 'o' ? 8 : 16, flags,
                    conversion == 'X');
            case 'e', 'E', 'f', 'F', 'g', 'G' -> body = floating(value, conversion, precision, flags);
            case 's', 'r', 'a' -> {
                String s = conversion == 's' ? String.valueOf(value) : repr(value);
                body = precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
                numeric = false;
            }
            case 'c' -> {
                body = character(value, conversion);
                numeric = false;
            }
            default -> {
                body = "%";
                numeric = false;
            }
        }
        return pad(body, width, flags.contains("-"), numeric && flags.contains("0"));
    }

    private static long number(Object value, char conversion) throws BadFormat {
        if (value instanceof Number num) return num.longValue();
        throw new BadFormat("%" + conversion + " format: a " + (conversion == 'd' || conversion == 'i'
                || conversion == 'u' ? "real number" : "number") + " is required, not " + typeName(value));
    }

    private static String integer(Object value, char conversion, int precision, int radix, String flags,
                                  boolean upper) throws BadFormat {
        long v = number(value, conversion);
        String digits = Long.toString(Math.abs(v), radix);
        if (upper) digits = digits.toUpperCase(Locale.ROOT);
        if (precision > digits.length()) digits = "0".repeat(precision - digits.length()) + digits;
        if (flags.contains("#") && radix != 10) digits = (radix == 8 ? "0o" : upper ? "0X" : "0x") + digits;
        return sign(v < 0, flags) + digits;
    }

    private static String floating(Object value, char conversion, int precision, String flags) throws BadFormat {
        if (!(value instanceof Number num)) {
            throw new BadFormat("must be real number, not " + typeName(value));
        }
        double v = num.doubleValue();
        String body = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + conversion, Math.abs(v));
        return sign(v < 0, flags) + body;
    }

    private static String character(Object value, char conversion) throws BadFormat {
        if (value instanceof Number num) return new String(Character.toChars(num.intValue()));
        String s = String.valueOf(value);
        if (s.codePointCount(0, s.length()) != 1) throw new BadFormat("%c requires int or char");
        return s;
    }

    private static String sign(boolean negative, String flags) {
        if (negative) return "-";
        if (flags.contains("+")) return "+";
        return flags.contains(" ") ? " " : "";
    }

    private static String pad(String body, int width, boolean left, boolean zeros) {
        if (width <= body.length()) return body;
        int fill = width - body.length();
        if (left) return body + " ".repeat(fill);
        if (!zeros) return " ".repeat(fill) + body;
        int signLength = !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0 ? 1 : 0;
        return body.substring(0, signLength) + "0".repeat(fill) + body.substring(signLength);
    }

    private static String typeName(Object value) {
        return value instanceof Number ? "int" : "str";
    }

    /** Python's {@code repr} of a string or int. */
    static String repr(Object value) {
        if (value instanceof Number) return value.toString();
        String s = String.valueOf(value);
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == quote) b.append('\\').append(c);
                    else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append(quote).toString();
    }
}
