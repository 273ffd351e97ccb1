package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.ProcessState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * supervisorctl's command line (supervisor/options.py {@code ClientOptions}, supervisor/supervisorctl.py
 * {@code main}, {@code Controller.exec_cmdloop}, {@code onecmd}, {@code default}): global options before the
 * subcommand, and the interactive shell when there is no subcommand, also driven through a pipe.
 */
class SupervisorctlCommandLineTest extends DaemonTestBase {

    @BeforeEach
    void start() throws Exception {
        startSolo();
    }

    private String config() {
        return h.mainFile.toString();
    }

    @Test
    void globalOptionsBeforeTheSubcommandAsSupervisorctlTakesThem() {
        ControlHarness.Run after = h.run("status");
        assertEquals(0, after.status(), after.toString());
        for (List<String> args : List.of(
                List.of("-c", config(), "status"),
                List.of("--configuration", config(), "status"),
                List.of("--configuration=" + config(), "status"),
                List.of("-c" + config(), "status"),
                List.of("-s", "unix://" + h.socket(), "status"),
                List.of("--serverurl=unix://" + h.socket(), "status"),
                List.of("-u", "user", "-p", "secret", "-c", config(), "status"))) {
            ControlHarness.Run r = ControlHarness.main("", args.toArray(String[]::new));
            assertEquals(withoutUptime(after), withoutUptime(r), String.join(" ", args));
        }
        ControlHarness.Run stop = ControlHarness.main("", "-c", config(), "stop", "solo");
        assertEquals(new ControlHarness.Run(0, "solo: stopped\n", ""), stop);
        ControlHarness.Run status = ControlHarness.main("", "-c", config(), "status", "solo");
        assertEquals(3, status.status(), "supervisorctl's exit 3 for a stopped process");
    }

    private static ControlHarness.Run withoutUptime(ControlHarness.Run r) {
        return new ControlHarness.Run(r.status(), r.out().replaceAll("uptime [0-9:]+", "uptime"), r.err());
    }

    @Test
    void aGlobalOptionTheSubcommandCannotUseIsOneLineAndExit2() {
        ControlHarness.Run r = ControlHarness.main("", "-s", "unix:///x.sock", "check");
        assertEquals(2, r.status());
        assertEquals("Error: option -s does not apply to 'check' (it reads no configuration and talks to no daemon)\n",
                r.err());
        ControlHarness.Run missing = ControlHarness.main("", "-c");
        assertEquals(new ControlHarness.Run(2, "", "Error: option -c requires a value\n"), missing);
    }

    @Test
    void noSubcommandOpensTheShellStatusFirstThenOneCommandALine() {
        ControlHarness.Run r = ControlHarness.main(String.join("\n", "", "stop solo", "bogus arg", "help", "help stop",
                "status", "start solo", "quit", "status"), "-c", config());
        assertEquals(0, r.status(), "the shell's exit status is always 0");
        List<String> lines = r.lines();
        assertTrue(lines.get(0).startsWith("solo                             RUNNING   pid "), lines.get(0));
        assertEquals("orchestrator> orchestrator> solo: stopped", lines.get(1), "an empty line repeats nothing");
        assertEquals("orchestrator> *** Unknown syntax: bogus arg", lines.get(2));
        assertTrue(lines.contains("default commands (type help <topic>):"), r.out());
        assertTrue(r.out().contains("Usage: orchestrator stop"), r.out());
        assertTrue(r.out().contains("solo                             STOPPED   "), r.out());
        assertEquals("orchestrator> solo: started", lines.get(lines.size() - 2), r.out());
        assertEquals("orchestrator> ", lines.get(lines.size() - 1), "quit ends the shell: " + r.out());
    }

    @Test
    void theShellThroughAPipeWithAHistoryFile() throws Exception {
        Path history = dir.resolve("history");
        ProcessBuilder pb = new ProcessBuilder(Path.of("bin/orchestrator").toAbsolutePath().toString(),
                "-c", config(), "-r", history.toString()).redirectErrorStream(true);
        pb.environment().put("ORCHESTRATOR_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        p.getOutputStream().write("stop solo\nstatus solo\n".getBytes());
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("orchestrator> solo: stopped\n"), out);
        assertTrue(out.contains("orchestrator> solo                             STOPPED"), out);
        assertTrue(out.endsWith("orchestrator> \n"), "end of input ends the shell: " + out);
        assertEquals(List.of("stop solo", "status solo"), Files.readAllLines(history));
    }

    /** supervisorctl's {@code do_maintail}: the last 1600 or N bytes of the daemon's own log; bad arguments exit 1. */
    @Test
    void maintailShowsTheEndOfTheMainLog() throws Exception {
        ControlHarness.Run r = h.run("maintail");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("success: solo entered RUNNING state"), r.out());
        String log = Files.readString(h.load().supervisord().logfile());
        assertEquals(log.substring(log.length() - 20) + "\n", h.run("maintail", "-20").out());
        assertEquals(new ControlHarness.Run(1, "", "Error: bad argument -x\n"), withoutUsage(h.run("maintail", "-x")));
        assertEquals(new ControlHarness.Run(1, "", "Error: too many arguments\n"),
                withoutUsage(h.run("maintail", "-f", "-5")));
    }

    /**
     * supervisorctl's {@code do_signal} and {@code _signalresult}: usage, a bad signal name (1), a process not running
     * (7), a thread refusing a signal it has no meaning for (the raw text, 1), TERM ending a thread worker.
     */
    @Test
    void signalWithSupervisorctlsTextsAndExitCodes() {
        assertEquals(List.of("Error: signal requires a signal name and a process name"),
                h.run("signal", "HUP").err().lines().limit(1).toList());
        assertEquals(1, h.run("signal", "HUP").status());
        assertEquals(new ControlHarness.Run(1, "solo: ERROR (bad signal name)\n", ""), h.run("signal", "BOGUS", "solo"));
        assertEquals(new ControlHarness.Run(1, "nope: ERROR (no such process)\n", ""), h.run("signal", "HUP", "nope"));
        ControlHarness.Run hup = h.run("signal", "HUP", "solo");
        assertEquals(1, hup.status(), hup.toString());
        assertEquals(new ControlHarness.Run(0, "solo: signalled\n", ""), h.run("signal", "TERM", "solo"));
        h.awaitState("solo", "solo", ProcessState.EXITED);
        assertEquals(new ControlHarness.Run(7, "solo: ERROR (not running)\n", ""), h.run("signal", "TERM", "solo"));
        assertEquals(new ControlHarness.Run(0, "", ""), h.run("signal", "TERM", "all"), "a group skips what is stopped");
    }

    /** supervisorctl's {@code do_add} and {@code do_remove}: their lines and exit codes. */
    @Test
    void addAndRemoveWithSupervisorctlsTexts() {
        assertEquals(new ControlHarness.Run(1, "ERROR: process/group still running: solo\n", ""),
                h.run("remove", "solo"));
        assertEquals(0, h.run("stop", "solo").status());
        assertEquals(new ControlHarness.Run(0, "solo: removed process group\n", ""), h.run("remove", "solo"));
        assertEquals(new ControlHarness.Run(4, "solo: ERROR (no such process)\n", ""), h.run("status", "solo"));
        assertEquals(new ControlHarness.Run(1, "ERROR: no such process/group: nope\n", ""), h.run("add", "nope"));
        assertEquals(new ControlHarness.Run(0, "solo: added process group\n", ""), h.run("add", "solo"));
        assertEquals(new ControlHarness.Run(0, "ERROR: process group already active\n", ""), h.run("add", "solo"));
        h.awaitState("solo", "solo", ProcessState.RUNNING);
    }

    /** supervisorctl's {@code do_fg} errors (the attached stream is tail -f's, tested with tail). */
    @Test
    void fgRefusesWhatItCannotAttachTo() {
        assertEquals(new ControlHarness.Run(1, "ERROR: no process name supplied\n", ""), h.run("fg"));
        assertEquals(new ControlHarness.Run(1, "ERROR: too many process names supplied\n", ""), h.run("fg", "a", "b"));
        assertEquals(new ControlHarness.Run(1, "ERROR: bad process name supplied\n", ""), h.run("fg", "nope"));
        assertEquals(0, h.run("stop", "solo").status());
        assertEquals(new ControlHarness.Run(1, "ERROR: process not running\n", ""), h.run("fg", "solo"));
    }

    /**
     * The supervisor-wildcards plugin's commands (supervisorwildcards/controllerplugin.py, {@code do_mstop},
     * {@code _expand_wildcards}): a line per matched process, {@code No process matched given expression.} else.
     */
    @Test
    void wildcardsPluginCommands() {
        assertEquals(new ControlHarness.Run(0, "No process matched given expression.\n", ""), h.run("mstop", "x*"));
        assertEquals(new ControlHarness.Run(0, "solo: stopped\n", ""), h.run("mstop", "s?l*"));
        assertEquals(new ControlHarness.Run(0, "solo: started\n", ""), h.run("mstart", "all"));
        assertEquals(new ControlHarness.Run(0, "solo: stopped\nsolo: started\n", ""), h.run("mrestart", "solo:*"));
    }

    private static ControlHarness.Run withoutUsage(ControlHarness.Run r) {
        return new ControlHarness.Run(r.status(), r.out(), r.err().lines().findFirst().orElse("") + "\n");
    }
}
