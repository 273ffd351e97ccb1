package dev.orchestrator.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers, as Python's {@code signal} module names them (supervisord's datatypes.py). */
public final class UnixSignals {

    public static final int HUP = 1;
    public static final int INT = 2;
    public static final int QUIT = 3;
    public static final int KILL = 9;
    public static final int TERM = 15;
    /** The highest signal number (SIGRTMAX). */
    public static final int MAX = 64;

    private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
    private static final Map<String, Integer> ALIASES = Map.of("IOT", 6, "CLD", 17, "POLL", 29, "RTMIN", 34,
            "RTMAX", 64);

    private UnixSignals() { }

    /** The number of a name ({@code TERM}, {@code SIGTERM}, any case), or -1 when it names no signal. */
    public static int number(String name) {
        String s = name.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG")) s = s.substring(3);
        int index = NAMES.indexOf(s);
        if (index >= 0) return index + 1;
        return ALIASES.getOrDefault(s, -1);
    }

    /** {@code SIGTERM} for 15; {@code SIG34} for a number without a name. */
    public static String name(int number) {
        return number >= 1 && number <= NAMES.size() ? "SIG" + NAMES.get(number - 1) : "SIG" + number;
    }
}
