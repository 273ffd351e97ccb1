package dev.orchestrator.config;

import static dev.orchestrator.config.ConfigTree.errors;
import static dev.orchestrator.config.ConfigTree.messages;
import static dev.orchestrator.config.ConfigTree.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every [program:x] option: supervisord's default, type, expansion rules and validation text (supervisord's supervisor/options.py {@code processes_from_section}). */
class ProgramOptionsTest extends WithConfigTree {

    private Configuration program(String body) {
        return tree.single("[engine:x]\n[program:x]\n" + body);
    }

    @Test
    void defaults() {
        Configuration c = program("command=engine-launcher -e dynamic -n x -w 0\n");
        assertEquals(List.of(), errors(c));
        ProcessConfig p = c.processes().findFirst().orElseThrow();
        assertEquals("x", p.name());
        assertEquals("x", p.group());
        assertEquals("x", p.namespec());
        assertEquals(0, p.processNum());
        assertEquals(999, p.priority());
        assertTrue(p.autostart());
        assertEquals(Autorestart.UNEXPECTED, p.autorestart());
        assertEquals(Set.of(0), p.exitcodes());
        assertEquals(1, p.startsecs());
        assertEquals(3, p.startretries());
        assertEquals(10, p.stopwaitsecs());
        assertFalse(p.redirectStderr());
        assertNull(p.directory());
        assertEquals(Map.of(), p.environment());
        assertEquals(new LaunchSpec("dynamic", "x", 0, "INFO"), p.launch());
        assertEquals(new LogSpec(tmp.resolve("logs/x-stdout.log"), true, 50L << 20, 10), p.stdoutLog());
        assertEquals(new LogSpec(tmp.resolve("logs/x-stderr.log"), true, 50L << 20, 10), p.stderrLog());
        assertEquals(tmp.resolve("etc/supervisord.conf"), p.source().file());
        assertEquals(3, p.source().line());
        assertEquals("command", p.source().key());
    }

    @Test
    void everyOptionSet() {
        tree.dir("var/log");
        Configuration c = program("""
                command=engine-launcher --type cleaner --name cleaner_events --procnum %(process_num)d --loglevel debug
                process_name=%(program_name)s_%(process_num)02d
                numprocs=2
                numprocs_start=5
                priority=10
                autostart=no
                autorestart=true
                exitcodes=0,2,255
                startsecs=0
                startretries=7
                stopwaitsecs=30
                directory=%(here)s/..
                environment=A="1,2",B=%(program_name)s
                stdout_logfile=%(ENV_HOME)s/var/log/%(process_num)d.log
                stdout_logfile_maxbytes=1KB
                stdout_logfile_backups=0
                stderr_logfile=NONE
                stderr_logfile_maxbytes=0
                stderr_logfile_backups=1
                """);
        assertEquals(List.of(), errors(c));
        List<ProcessConfig> ps = c.processes().toList();
        assertEquals(List.of("x_05", "x_06"), ps.stream().map(ProcessConfig::name).toList());
        ProcessConfig p = ps.get(1);
        assertEquals(6, p.processNum());
        assertEquals(10, p.priority());
        assertFalse(p.autostart());
        assertEquals(Autorestart.TRUE, p.autorestart());
        assertEquals(Set.of(0, 2, 255), p.exitcodes());
        assertEquals(0, p.startsecs());
        assertEquals(7, p.startretries());
        assertEquals(30, p.stopwaitsecs());
        assertEquals(tmp.toString(), p.directory());
        assertEquals(Map.of("A", "1,2", "B", "x"), p.environment());
        assertEquals(new LaunchSpec("cleaner", "cleaner_events", 6, "DEBUG"), p.launch());
        assertEquals(new LogSpec(tmp.resolve("var/log/6.log"), false, 1024, 0), p.stdoutLog());
        assertTrue(p.stderrLog().isNone());
        assertEquals("x:x_06", p.namespec());
    }

    @Test
    void byteSizesAndBooleans() {
        assertEquals(3L << 30, tree.process("stdout_logfile_maxbytes=3gb\n").stdoutLog().maxBytes());
        assertEquals(123, tree.process("stdout_logfile_maxbytes=123\n").stdoutLog().maxBytes());
        for (String yes : List.of("yes", "TRUE", "on", "1")) assertTrue(tree.process("autostart=" + yes).autostart());
        for (String no : List.of("No", "false", "OFF", "0")) assertFalse(tree.process("autostart=" + no).autostart());
        assertEquals(Autorestart.FALSE, tree.process("autorestart=off").autorestart());
        assertEquals(Autorestart.UNEXPECTED, tree.process("autorestart=Unexpected").autorestart());
        assertEquals(Set.of(), tree.process("exitcodes=").exitcodes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            numprocs=2                          | %(process_num) must be present within process_name when numprocs > 1
            stopasgroup=true\\nkillasgroup=false | Cannot set stopasgroup=true and killasgroup=false
            autorestart=maybe                   | invalid 'autorestart' value 'maybe'
            exitcodes=0,256                     | not a valid list of exit codes: '0,256'
            process_name=%(foo)s                | Format string '%(foo)s' for 'process_name' contains names ('foo') which cannot be expanded. Available names: ENV_..., group_name, here, host_node_name, numprocs, process_num, program_name
            stopsignal=FOO                      | value 'FOO' is not a valid signal name
            stdout_logfile=/nonexistent/dir/x.log | The directory named as part of the path /nonexistent/dir/x.log does not exist
            stdout_logfile=/tmp                 | The path /tmp is a directory
            stderr_logfile=/proc/self/x.log     | The path /proc/self/x.log is on proc, not a file system for logs
            stdout_logfile=/sys/kernel/x.log    | The path /sys/kernel/x.log is on sysfs, not a file system for logs
            priority=%(process_num)d            | Format string '%(process_num)d' for 'program:x.priority' contains names ('process_num') which cannot be expanded. Available names: ENV_..., here
            environment=A=1,B                   | Unexpected end of key/value pairs in value 'A=1,B'
            process_name=%(program_name)        | Format string '%(program_name)' for 'process_name' is badly formatted: incomplete format
            startsecs=abc                       | invalid literal for int() with base 10: 'abc'
            autostart=maybe                     | not a valid boolean value: 'maybe'
            stopsignal=99                       | value '99' is not a valid signal number
            process_name=a b                    | Invalid name: 'a b' because of character: ' '
            autostart=%(process_num)d           | Format string '%(process_num)d' for 'program:x.autostart' contains names ('process_num') which cannot be expanded. Available names: ENV_..., group_name, here, host_node_name, program_name
            stdout_logfile_maxbytes=10XB        | invalid literal for int() with base 10: '10xb'
            """)
    void validationTexts(String options, String message) {
        Configuration c = program("command=engine-launcher -e dynamic -n x -w 0\n" + options.replace("\\n", "\n"));
        Problem error = onlyError(c, message);
        assertEquals(tmp.resolve("etc/supervisord.conf"), error.source().file());
        assertEquals("program:x", error.source().section());
        assertTrue(error.source().line() > 0);
        assertTrue(error.message().contains("(expected"), error::message);
    }

    @Test
    void missingCommand() {
        Problem e = onlyError(program("numprocs=1\n"), "program section program:x does not specify a command");
        assertEquals(2, e.source().line());
    }

    @Test
    void invalidProgramName() {
        onlyError(tree.single("[program:x y]\ncommand=engine-launcher -e dynamic -n x -w 0\n"),
                "Invalid name: 'x y' because of character: ' '");
    }

    @Test
    void engineLauncherLinesAreEnginesAndOtherCommandsChildProcesses() {
        ProcessConfig cat = tree.process("command=/bin/cat '/etc/%(program_name)s file' \"a b\"\n");
        assertEquals(List.of("/bin/cat", "/etc/x file", "a b"), ((Execution.Child) cat.execution()).argv());
        assertNull(cat.launch());
        onlyError(program("command=  \n"), "command is empty");
        onlyError(program("command=engine-launcher -n x -w 0\n"), "bad engine-launcher arguments: Missing required");
        onlyError(program("command=engine-launcher -e a -n x -w zero\n"), "bad engine-launcher arguments");
        onlyError(program("command=engine-launcher -e a -n x -w 0 -l loud\n"), "bad engine-launcher arguments:"
                + " unknown log level 'loud'");
        onlyError(program("command=engine-launcher -e 'a -n x -w 0\n"), "No closing quotation");
        LaunchSpec spec = tree.process("command=/opt/canopsis/bin/engine-launcher -e \"my type\" -n x -w 3 -l"
                + " warning\n").launch();
        assertEquals(new LaunchSpec("my type", "x", 3, "WARN"), spec);
    }

    @Test
    void aLogInAReadOnlyDirectoryIsRefused() throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        try (Tmpfs ignored = Tmpfs.mount(readOnly, "ro,size=16k")) {
            onlyError(program("command=engine-launcher -e dynamic -n x -w 0\nstdout_logfile=" + readOnly
                    + "/x.log\n"), "The directory named as part of the path " + readOnly
                    + "/x.log is not writable by this user");
        }
    }

    @Test
    void expansionAvailability() {
        ProcessConfig p = tree.process("""
                environment=WHO=%(program_name)s-%(process_num)d,N=%(numprocs)d
                directory=/srv/%(ENV_WHO)s
                stdout_logfile=%(here)s/../logs/%(group_name)s-%(host_node_name)s-%(ENV_GREETING)s.log
                """);
        assertEquals(Map.of("WHO", "x-0", "N", "1"), p.environment());
        assertEquals("/srv/x-0", p.directory());
        assertEquals(tmp.resolve("logs/x-" + Expansions.hostNodeName() + "-hello.log"), p.stdoutLog().path());
    }

    @Test
    void daemonEnvironmentIsInheritedAndExpandable() {
        Configuration c = tree.single("""
                [supervisord]
                environment=SITE=paris,HOME_LOGS=%(here)s/../logs
                [program:x]
                command=engine-launcher -e dynamic -n x -w 0
                environment=SITE=lyon
                stdout_logfile=%(ENV_HOME_LOGS)s/%(ENV_SITE)s.log
                """);
        assertEquals(List.of(), errors(c));
        ProcessConfig p = c.processes().findFirst().orElseThrow();
        assertEquals(Map.of("SITE", "lyon", "HOME_LOGS", tmp + "/etc/../logs"), p.environment());
        assertEquals(tmp.resolve("logs/lyon.log"), p.stdoutLog().path());
    }

    @Test
    void redirectStderr() {
        Configuration c = program("""
                command=engine-launcher -e dynamic -n x -w 0
                redirect_stderr=true
                stderr_logfile=%(here)s/../logs/err.log
                """);
        ProcessConfig p = c.processes().findFirst().orElseThrow();
        assertTrue(p.redirectStderr());
        assertTrue(p.stderrLog().isNone());
        assertEquals(List.of("For [program:x], redirect_stderr=true but stderr_logfile has also been set to a "
                + "filename, the filename has been ignored"), messages(c, Problem.Severity.WARNING));
    }

    @Test
    void autoLogWithoutRolloverWarns() {
        Configuration c = program("command=engine-launcher -e dynamic -n x -w 0\nstdout_logfile_maxbytes=0\n");
        assertEquals(List.of("For [program:x], AUTO logging used for stdout_logfile without rollover, set maxbytes"
                + " > 0 to avoid filling up filesystem unintentionally"), messages(c, Problem.Severity.WARNING));
    }

    @Test
    void optionsWithoutMeaningForThreadsGiveOneNoteEach() {
        Configuration c = program("""
                command=engine-launcher -e dynamic -n x -w %(process_num)d
                process_name=x-%(process_num)d
                numprocs=3
                user=nobody
                umask=022
                stopsignal=INT
                stopasgroup=true
                killasgroup=true
                serverurl=AUTO
                stdout_syslog=true
                stderr_events_enabled=true
                stdout_capture_maxbytes=1MB
                """);
        assertEquals(List.of(), errors(c));
        List<Problem> notes = c.problems().stream().filter(p -> p.severity() == Problem.Severity.NOTE).toList();
        assertEquals(List.of("user", "umask", "stopsignal", "stopasgroup", "killasgroup", "serverurl",
                "stdout_syslog", "stderr_events_enabled", "stdout_capture_maxbytes"),
                notes.stream().map(p -> p.source().key()).toList());
        assertTrue(notes.stream().allMatch(n -> n.message().startsWith("accepted but ignored: ")));
    }

    @Test
    void childProcessOptionsAreReadAndCheckedWithoutNotes() {
        Configuration c = program("command=sleep 10\nuser=nobody\numask=027\nstopsignal=sigusr1\nstopasgroup=true\n");
        assertEquals(List.of(), errors(c));
        assertTrue(c.problems().stream().noneMatch(p -> p.severity() == Problem.Severity.NOTE), c.problems()::toString);
        ProcessConfig p = c.processes().findFirst().orElseThrow();
        assertEquals(new ChildOptions("nobody", 027, 10, true, true), p.child());
        onlyError(program("command=sleep 10\nuser=no-such-user-here\n"), "Invalid user name no-such-user-here");
        onlyError(program("command=sleep 10\numask=089\n"), "'089' can not be converted to an octal type");
    }

    @Test
    void isolationRunsAnEngineInItsOwnJvm() {
        ProcessConfig p = tree.process("isolation=process\n");
        assertEquals(new LaunchSpec("dynamic", "x", 0, "INFO"), ((Execution.IsolatedJvm) p.execution()).launch());
        assertEquals(p.launch(), new LaunchSpec("dynamic", "x", 0, "INFO"));
        assertTrue(tree.process("isolation=thread\n").execution() instanceof Execution.Thread);
        onlyError(program("command=engine-launcher -e dynamic -n x -w 0\nisolation=jvm\n"),
                "invalid 'isolation' value 'jvm' (expected thread or process)");
        assertTrue(messages(program("command=sleep 1\nisolation=process\n"), Problem.Severity.WARNING)
                .contains("isolation applies to engine-launcher programs only; this command already runs as a child"
                        + " process"));
    }

    @Test
    void unknownOptionWarnsWithNearestName() {
        Configuration c = program("command=engine-launcher -e dynamic -n x -w 0\nautostrat=false\n");
        assertEquals(List.of("unknown option, ignored (nearest: autostart)"), messages(c, Problem.Severity.WARNING));
    }

    @Test
    void everyMistakeOfOneProgramIsListed() {
        Configuration c = program("""
                command=engine-launcher -e dynamic -n x -w 0
                autostart=maybe
                startsecs=soon
                exitcodes=x
                stopwaitsecs=-
                """);
        assertEquals(List.of(4, 5, 6, 7), c.problems().stream().map(p -> p.source().line()).sorted().toList());
    }
}
