package dev.orchestrator.engines.canopsis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.Supervisorctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real supervisorctl (Debian's supervisor 4.2.5), {@code supervisorctl -c etc/supervisord.conf}, drives every
 * process of the Canopsis 2016 tree run by the daemon, Java threads and original-launcher children alike, as it
 * drove supervisord: each output line is the one its {@code supervisor/supervisorctl.py} prints
 * ({@code DefaultControllerPlugin._show_statuses}, {@code _formatConfigInfo}, {@code do_start}'s and
 * {@code do_stop}'s {@code _startresult}/{@code _stopresult}, {@code do_pid}, {@code do_signal}, {@code do_tail},
 * {@code do_shutdown}).
 *
 * <p>The tree's main file has {@code [ctlplugin:wildcards]}, Canopsis' supervisor-wildcards plugin, which
 * supervisorctl imports at start and without which it refuses to run; it is a PyPI package that Debian does not
 * ship, so this test's copy leaves that section out (the daemon does not read it either way).
 */
class Canopsis2016SupervisorctlTest {

    private static final String GROUP = "amqp2engines";
    private static final Pattern PROGRAM = Pattern.compile("(?m)^\\[program:([^\\]]+)]");
    private static final Pattern PROGRAMS = Pattern.compile("(?m)^programs=(.*)$");
    /** A process of the tree that runs the original launcher (its engine type has no Java implementation). */
    private static final String CHILD = GROUP + ":engine-alerts-0";

    @TempDir
    Path home;

    private CanopsisHome canopsis;
    private Supervisorctl ctl;

    @BeforeEach
    void setUp() throws Exception {
        canopsis = new CanopsisHome(home);
        String main = Files.readString(canopsis.config);
        Files.writeString(canopsis.config, main.replaceAll("(?s)\\[ctlplugin:wildcards]\n.*?\n\n", ""));
        ctl = new Supervisorctl(canopsis.config, canopsis.environment());
    }

    @AfterEach
    void tearDown() throws IOException {
        canopsis.close();
    }

    @Test
    void drivesEveryProcessOfTheTree() throws Exception {
        List<String> configured = configured();
        List<String> names = configured.stream().sorted().toList();
        assertEquals(23, names.size(), names.toString());
        String row = "%-" + (Math.max(30, names.stream().mapToInt(String::length).max().orElseThrow()) + 3) + "s%-10s";
        assertEquals(0, canopsis.orchestrator("start", "-d").status());

        Supervisorctl.Run status = ctl.run("status");
        assertEquals(new Supervisorctl.Run(3, lines(names, n -> String.format(row, n, "STOPPED") + "Not started")),
                status);

        Supervisorctl.Run start = ctl.run("start", "all");
        assertEquals(0, start.status(), start.out());
        assertEquals(names.stream().map(n -> n + ": started").toList(), sorted(start));
        assertAllRunning(names, row);

        Supervisorctl.Run restart = ctl.run("restart", GROUP + ":*");
        assertEquals(0, restart.status(), restart.out());
        List<String> group = names.stream().filter(n -> n.startsWith(GROUP + ":")).toList();
        assertEquals(22, group.size());
        List<String> restarted = new ArrayList<>(group.stream().map(n -> n + ": started").toList());
        restarted.addAll(group.stream().map(n -> n + ": stopped").toList());
        assertEquals(restarted.stream().sorted().toList(), sorted(restart));
        assertAllRunning(names, row);

        Supervisorctl.Run pid = ctl.run("pid", CHILD);
        assertEquals(0, pid.status(), pid.out());
        long childPid = Long.parseLong(pid.out().strip());
        List<String> argv = List.of(ProcessHandle.of(childPid).orElseThrow().info().arguments().orElseThrow());
        assertEquals(List.of("-e", "dynamic", "-n", "alerts", "-w", "0", "-l", "info"),
                argv.subList(argv.size() - 8, argv.size()), "the original launcher's line: " + argv);

        // the launcher (Python) does not catch SIGHUP: it dies of it, and autorestart=unexpected spawns it again
        assertEquals(new Supervisorctl.Run(0, CHILD + ": signalled\n"), ctl.run("signal", "HUP", CHILD));
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(childPid).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Supervisorctl.Run again = ctl.run("status", CHILD);
            assertEquals(0, again.status(), again.out());
            assertNotEquals(childPid, Long.parseLong(ctl.run("pid", CHILD).out().strip()));
        });

        Supervisorctl.Run tail = ctl.run("tail", CHILD);
        assertEquals(0, tail.status(), tail.out());
        assertTrue(tail.out().contains("engine alerts-0 (type dynamic) ready, next []\n"), tail.out());

        assertEquals(new Supervisorctl.Run(0, lines(configured, n -> String.format("%-32s %-9s %-9s %s", n, "in use",
                "manual", "999:999"))), ctl.run("avail"));

        Supervisorctl.Run stop = ctl.run("stop", "all");
        assertEquals(0, stop.status(), stop.out());
        assertEquals(names.stream().map(n -> n + ": stopped").toList(), sorted(stop));
        assertTrue(canopsis.standIns().isEmpty(), canopsis.standIns().toString());

        assertEquals(new Supervisorctl.Run(0, "Shut down\n"), ctl.run("shutdown"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(home.resolve("tmp/supervisor.sock")));
    }

    /** {@code status}: every process RUNNING with its pid and uptime, exit 0. */
    private void assertAllRunning(List<String> names, String row) throws Exception {
        Supervisorctl.Run running = ctl.run("status");
        assertEquals(0, running.status(), running.out());
        List<String> lines = running.lines();
        assertEquals(names.size(), lines.size(), running.out());
        for (int i = 0; i < names.size(); i++) {
            String prefix = String.format(row, names.get(i), "RUNNING");
            assertTrue(lines.get(i).startsWith(prefix) && lines.get(i).substring(prefix.length())
                    .matches("pid \\d+, uptime 0:00:\\d\\d"), lines.get(i));
        }
    }

    /**
     * Every process the tree declares (each {@code [program:x]} of engines/*.ini has numprocs=1, process_name x-0),
     * in supervisord's configuration order ({@code options.py process_groups_from_parser}, what {@code avail}
     * lists): group amqp2engines first, its programs as its {@code programs=} line names them, then each other
     * program alone in a group of its own name (every group has priority 999: by name).
     */
    private List<String> configured() throws IOException {
        Matcher line = PROGRAMS.matcher(Files.readString(home.resolve("etc/supervisord.d/amqp2engines.conf")));
        assertTrue(line.find());
        List<String> members = Arrays.stream(line.group(1).split(",")).map(String::strip).toList();
        List<String> names = new ArrayList<>(members.stream().map(p -> GROUP + ":" + p + "-0").toList());
        List<String> alone = new ArrayList<>();
        try (Stream<Path> inis = Files.list(home.resolve("etc/engines"))) {
            for (Path ini : inis.toList()) {
                Matcher program = PROGRAM.matcher(Files.readString(ini));
                while (program.find()) {
                    if (!members.contains(program.group(1))) alone.add(program.group(1) + ":" + program.group(1) + "-0");
                }
            }
        }
        names.addAll(alone.stream().sorted().toList());
        return names;
    }

    private static String lines(List<String> names, java.util.function.Function<String, String> line) {
        return String.join("", names.stream().map(n -> line.apply(n) + "\n").toList());
    }

    private static List<String> sorted(Supervisorctl.Run r) {
        return r.lines().stream().sorted().toList();
    }
}
