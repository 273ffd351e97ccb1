package dev.orchestrator.chaos.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** One process's supervisord lines in the daemon's main log: its spawns, exits and giving up, with their times. */
final class MainLogTimeline {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final List<LocalDateTime> spawned = new ArrayList<>();
    private final List<LocalDateTime> exited = new ArrayList<>();
    private LocalDateTime gaveUp;

    static MainLogTimeline read(Path mainLog, String process) throws IOException {
        MainLogTimeline t = new MainLogTimeline();
        for (String line : Files.readAllLines(mainLog)) {
            if (line.length() < 29) continue;
            String message = line.substring(29);
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(line.substring(0, 23), TIME);
            } catch (RuntimeException e) {
                continue;
            }
            if (message.startsWith("spawned: '" + process + "'")) t.spawned.add(at);
            else if (message.startsWith("exited: " + process + " ")) t.exited.add(at);
            else if (message.startsWith("gave up: " + process + " ")) t.gaveUp = at;
        }
        return t;
    }

    int spawns() { return spawned.size(); }

    boolean gaveUp() { return gaveUp != null; }

    /** Seconds from each exit to the next spawn. */
    List<Double> waitsBeforeRetries() {
        List<Double> waits = new ArrayList<>();
        for (int i = 0; i + 1 < spawned.size() && i < exited.size(); i++) {
            waits.add(ChronoUnit.MILLIS.between(exited.get(i), spawned.get(i + 1)) / 1000.0);
        }
        return waits;
    }

    double fatalAfterLastExit() {
        if (gaveUp == null || exited.isEmpty()) return Double.NaN;
        return ChronoUnit.MILLIS.between(exited.get(exited.size() - 1), gaveUp) / 1000.0;
    }
}
