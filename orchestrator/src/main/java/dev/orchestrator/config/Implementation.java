package dev.orchestrator.config;

import java.util.Locale;

/**
 * {@code implementation=} of an engine-launcher {@code [program:x]} (a key supervisord ignores): which code runs the
 * engine. {@code AUTO} (no key) lets {@code check} choose: the Java implementation when there is one and the
 * configuration is complete for it, else the original engine-launcher as a child process. {@code java} and
 * {@code original} force either way (docs/migrating.md).
 */
public enum Implementation {
    AUTO, JAVA, ORIGINAL;

    /** The key's name. */
    public static final String KEY = "implementation";

    static Implementation parse(String value) throws InvalidValueException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "java" -> JAVA;
            case "original" -> ORIGINAL;
            case "auto" -> AUTO;
            default -> throw new InvalidValueException("invalid '" + KEY + "' value " + PyFormat.repr(value)
                    + " (expected java, original or auto)");
        };
    }
}
