package dev.orchestrator.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * supervisord's value types ({@code supervisor/datatypes.py}) with its error texts, each followed by what is
 * expected: integer, boolean, autorestart, exit codes, byte size, signal, process name, key/value pairs.
 */
final class SupervisorTypes {

    private static final List<String> TRUTHY = List.of("yes", "true", "on", "1");
    private static final List<String> FALSY = List.of("no", "false", "off", "0");

    private SupervisorTypes() { }

    /** Python's {@code int()}: optional sign, decimal digits, surrounding blanks allowed. */
    static int integer(String value) throws InvalidValueException {
        String s = value.strip().replace("_", "");
        try {
            if (!s.isEmpty() && !value.strip().startsWith("_")) return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValueException("invalid literal for int() with base 10: " + PyFormat.repr(value)
                + " (expected an integer)");
    }

    static boolean bool(String value) throws InvalidValueException {
        String s = value.toLowerCase(Locale.ROOT);
        if (TRUTHY.contains(s)) return true;
        if (FALSY.contains(s)) return false;
        throw new InvalidValueException("not a valid boolean value: " + PyFormat.repr(value)
                + " (expected true/false, yes/no, on/off or 1/0)");
    }

    static Autorestart autorestart(String value) throws InvalidValueException {
        String s = value.toLowerCase(Locale.ROOT);
        if (TRUTHY.contains(s)) return Autorestart.TRUE;
        if (FALSY.contains(s)) return Autorestart.FALSE;
        if (s.equals("unexpected")) return Autorestart.UNEXPECTED;
        throw new InvalidValueException("invalid 'autorestart' value " + PyFormat.repr(s)
                + " (expected true, false or unexpected)");
    }

    /** A comma list of exit codes 0..255; empty means none. */
    static Set<Integer> exitcodes(String value) throws InvalidValueException {
        Set<Integer> codes = new TreeSet<>();
        if (value.isEmpty()) return codes;
        for (String part : value.split(",", -1)) {
            try {
                int code = integer(part);
                if (code < 0 || code > 255) throw new InvalidValueException("out of range");
                codes.add(code);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("not a valid list of exit codes: " + PyFormat.repr(value)
                        + " (expected comma-separated integers from 0 to 255)");
            }
        }
        return codes;
    }

    /** An integer with an optional KB, MB or GB suffix (1024-based, any case). */
    static long byteSize(String value) throws InvalidValueException {
        String s = value.toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (s.endsWith("kb")) multiplier = 1024;
        else if (s.endsWith("mb")) multiplier = 1024 * 1024;
        else if (s.endsWith("gb")) multiplier = 1024L * 1024 * 1024;
        String digits = multiplier == 1 ? s : s.substring(0, s.length() - 2);
        try {
            return integer(digits) * multiplier;
        } catch (InvalidValueException e) {
            throw new InvalidValueException("invalid literal for int() with base 10: " + PyFormat.repr(digits)
                    + " (expected a byte count, optionally with a KB, MB or GB suffix)");
        }
    }

    /** A signal name ({@code TERM}, {@code SIGTERM}, any case) or number; returns the number. */
    static int signal(String value) throws InvalidValueException {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            int named = UnixSignals.number(value);
            if (named > 0) return named;
            throw new InvalidValueException("value " + PyFormat.repr(value)
                    + " is not a valid signal name (expected TERM, INT, QUIT, HUP, KILL, USR1, USR2...)");
        }
        if (number < 1 || number > UnixSignals.MAX) {
            throw new InvalidValueException("value " + PyFormat.repr(value)
                    + " is not a valid signal number (expected 1 to " + UnixSignals.MAX + ")");
        }
        return number;
    }

    /** supervisord's {@code octal_type}: an octal number such as {@code 022}. */
    static int octal(String value) throws InvalidValueException {
        try {
            return Integer.parseInt(value.strip(), 8);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(PyFormat.repr(value) + " can not be converted to an octal type"
                    + " (expected an octal number such as 022)");
        }
    }

    /**
     * supervisord's {@code name_to_uid}: a user name or a numeric uid that exists on this host; returns it as
     * written.
     */
    static String user(String value) throws InvalidValueException {
        String s = value.strip();
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) return s;
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(s);
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            throw new InvalidValueException("Invalid user name " + s + " (expected a user of this host)");
        }
    }

    /** A process, program or group name: stripped, without space, colon or slash. */
    static String name(String value) throws InvalidValueException {
        String s = value.strip();
        for (char c : new char[] {' ', ':', '/'}) {
            if (s.indexOf(c) >= 0) {
                throw new InvalidValueException("Invalid name: " + PyFormat.repr(value) + " because of character: "
                        + PyFormat.repr(String.valueOf(c)) + " (expected a name without space, ':' or '/')");
            }
        }
        return s;
    }

    /** {@code KEY=val,KEY2="v,2"}, split as supervisord's non-POSIX shlex does. */
    static Map<String, String> keyValuePairs(String value) throws InvalidValueException {
        List<String> tokens = KeyValueLexer.tokens(value);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 4) {
            if (i + 2 >= tokens.size() || !tokens.get(i + 1).equals("=")) {
                throw new InvalidValueException("Unexpected end of key/value pairs in value '" + value
                        + "' (expected KEY=value,KEY2=\"value, with commas\")");
            }
            pairs.put(tokens.get(i), strip(tokens.get(i + 2), "'\""));
        }
        return pairs;
    }

    private static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }
}
