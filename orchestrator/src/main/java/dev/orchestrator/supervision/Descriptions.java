package dev.orchestrator.supervision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** supervisorctl's status descriptions (supervisor/rpcinterface.py {@code _interpretProcessInfo}). */
final class Descriptions {

    /** Python's {@code '%b %d %I:%M %p'} in local time. */
    private static final DateTimeFormatter STOP_TIME = DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.US);

    private Descriptions() { }

    /** Times are epoch seconds, 0 for never. */
    static String describe(ProcessState state, String name, long pid, long start, long stop, long now,
                           String spawnerr, ZoneId zone) {
        return switch (state) {
            case RUNNING -> "pid " + pid + ", uptime " + timedelta(Math.max(0, now - start));
            case BACKOFF, FATAL -> spawnerr == null || spawnerr.isEmpty()
                    ? "unknown error (try \"tail " + name + "\")" : spawnerr;
            case STOPPED, EXITED -> start == 0 ? "Not started"
                    : STOP_TIME.format(Instant.ofEpochSecond(stop).atZone(zone));
            default -> "";
        };
    }

    /** Python's {@code str(timedelta(seconds=s))}: {@code 0:01:40}, {@code 1 day, 0:00:00}, {@code 5 days, 7:18:14}. */
    static String timedelta(long seconds) {
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        String clock = rest / 3600 + ":" + twoDigits(rest % 3600 / 60) + ":" + twoDigits(rest % 60);
        return days == 0 ? clock : days + (days == 1 ? " day, " : " days, ") + clock;
    }

    /** {@code %02d} without java.util.Formatter, which would be most of a 1,000-process status's time. */
    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
