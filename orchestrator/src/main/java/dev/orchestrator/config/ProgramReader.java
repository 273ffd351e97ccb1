package dev.orchestrator.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code [program:x]} section read as supervisord's {@code _processes_from_section} reads it: same options,
 * defaults, types, expansion names and error texts, expanded into one {@link ProcessConfig} per
 * {@code process_num}. Options that mean nothing for a worker thread are accepted with one note each when the
 * program runs as a thread.
 */
final class ProgramReader {

    static final String PREFIX = "program:";
    /** The key that runs a Java engine in a child JVM of its own: {@code isolation=process} (default thread). */
    static final String ISOLATION = "isolation";

    private static final Set<String> USED = Set.of("command", "process_name", "numprocs", "numprocs_start",
            "priority", "autostart", "autorestart", "exitcodes", "startsecs", "startretries", "stopwaitsecs",
            "stdout_logfile", "stdout_logfile_maxbytes", "stdout_logfile_backups", "stderr_logfile",
            "stderr_logfile_maxbytes", "stderr_logfile_backups", "redirect_stderr", "directory", "environment",
            "stopsignal", "stopasgroup", "killasgroup", "user", "umask", ISOLATION, Implementation.KEY);
    /** Options of child processes only: a thread program accepts them with a note. */
    private static final Map<String, String> CHILD_ONLY = Map.of(
            "user", "workers are threads of the daemon and run as its user",
            "umask", "workers are threads of the daemon and share its umask",
            "stopsignal", "a thread gets no signal; a stop lets the worker finish the event in hand, then "
                    + "interrupts it after stopwaitsecs",
            "stopasgroup", "a thread has no process group",
            "killasgroup", "a thread has no process group");
    private static final Map<String, String> MEANINGLESS = meaningless();

    private final Map<String, Object> baseNames;
    private final Map<String, String> daemonEnvironment;
    private final Path here;
    private final Path childLogDir;
    private final Problems problems;

    /**
     * @param baseNames         {@code here} and {@code ENV_*} (with {@code [supervisord] environment})
     * @param daemonEnvironment {@code [supervisord] environment}, which each program's environment extends
     */
    ProgramReader(Map<String, Object> baseNames, Map<String, String> daemonEnvironment, Path here, Path childLogDir,
                  Problems problems) {
        this.baseNames = baseNames;
        this.daemonEnvironment = daemonEnvironment;
        this.here = here;
        this.childLogDir = childLogDir;
        this.problems = problems;
    }

    /** The program's priority, read as supervisord reads it for a group: only {@code here} and ENV_ names. */
    int priority(IniSection section) {
        return new SectionValues(section, problems).typed("priority", "999", baseNames, SupervisorTypes::integer, 999);
    }

    ProgramConfig read(IniSection section, String name, String group) {
        SectionValues v = new SectionValues(section, problems);
        Map<String, Object> names = Expansions.with(baseNames, "program_name", name, "group_name", group,
                "host_node_name", Expansions.hostNodeName());
        int priority = priority(section);
        boolean autostart = v.typed("autostart", "true", names, SupervisorTypes::bool, true);
        Autorestart autorestart = v.typed("autorestart", "unexpected", names, SupervisorTypes::autorestart,
                Autorestart.UNEXPECTED);
        int startsecs = v.typed("startsecs", "1", names, SupervisorTypes::integer, 1);
        int startretries = v.typed("startretries", "3", names, SupervisorTypes::integer, 3);
        int stopsignal = v.typed("stopsignal", "TERM", names, SupervisorTypes::signal, UnixSignals.TERM);
        int stopwaitsecs = v.typed("stopwaitsecs", "10", names, SupervisorTypes::integer, 10);
        boolean stopasgroup = v.typed("stopasgroup", "false", names, SupervisorTypes::bool, false);
        boolean killasgroup = v.typed("killasgroup", String.valueOf(stopasgroup), names, SupervisorTypes::bool,
                stopasgroup);
        Set<Integer> exitcodes = v.typed("exitcodes", "0", names, SupervisorTypes::exitcodes, Set.of(0));
        boolean redirectStderr = v.typed("redirect_stderr", "false", names, SupervisorTypes::bool, false);
        int numprocs = v.typed("numprocs", "1", names, SupervisorTypes::integer, 1);
        int numprocsStart = v.typed("numprocs_start", "0", names, SupervisorTypes::integer, 0);
        String processName = v.parse("process_name", v.raw("process_name", "%(program_name)s"),
                SupervisorTypes::name).orElse("%(program_name)s");
        if (numprocs > 1 && !processName.contains("%(process_num)")) {
            v.error(v.has("process_name") ? "process_name" : "numprocs",
                    "%(process_num) must be present within process_name when numprocs > 1"
                    + " (expected e.g. process_name=%(program_name)s-%(process_num)d)");
        }
        if (stopasgroup && !killasgroup) {
            v.error("killasgroup", "Cannot set stopasgroup=true and killasgroup=false (expected killasgroup=true,"
                    + " or no killasgroup)");
        }
        if (!v.has("command")) {
            problems.error(section.source(), "program section " + section.name() + " does not specify a command"
                    + " (expected command=engine-launcher -e TYPE -n NAME -w %(process_num)d -l info)");
        }
        String user = v.has("user") ? v.typed("user", null, names, SupervisorTypes::user, null) : null;
        Integer umask = v.has("umask") ? v.typed("umask", null, names, SupervisorTypes::octal, null) : null;
        boolean isolated = v.typed(ISOLATION, "thread", names, ProgramReader::isolation, false);
        Settings settings = new Settings(priority, autostart, autorestart, exitcodes, startsecs, startretries,
                stopwaitsecs, redirectStderr, isolated,
                new ChildOptions(user, umask, stopsignal, stopasgroup, killasgroup));
        List<ProcessConfig> processes = new ArrayList<>();
        for (int num = numprocsStart; num < numprocsStart + Math.max(numprocs, 0); num++) {
            processes.add(process(v, name, group, num, numprocs, names, settings));
        }
        processes.sort(Comparator.comparingInt(ProcessConfig::priority).thenComparing(ProcessConfig::name));
        reportOptions(v, processes.isEmpty() ? null : processes.get(0).execution());
        Implementation implementation = v.typed(Implementation.KEY, "auto", names, Implementation::parse,
                Implementation.AUTO);
        if (implementation != Implementation.AUTO && !processes.isEmpty()
                && processes.get(0).execution() instanceof Execution.Child) {
            v.warning(Implementation.KEY, Implementation.KEY + " applies to engine-launcher programs only; this"
                    + " command runs as a child process as written");
        }
        return new ProgramConfig(name, priority, List.copyOf(processes), implementation, section.source());
    }

    /** The options read once per program, before the per-process ones. */
    private record Settings(int priority, boolean autostart, Autorestart autorestart, Set<Integer> exitcodes,
                            int startsecs, int startretries, int stopwaitsecs, boolean redirectStderr,
                            boolean isolated, ChildOptions child) {}

    private ProcessConfig process(SectionValues v, String program, String group, int num, int numprocs,
                                  Map<String, Object> programNames, Settings s) {
        Map<String, Object> names = Expansions.with(programNames, "process_num", num, "numprocs", numprocs);
        String envValue = v.expanded("environment", "", names, "environment");
        Map<String, String> own = envValue == null ? Map.of()
                : v.parse("environment", envValue, SupervisorTypes::keyValuePairs).orElse(Map.of());
        Map<String, String> environment = new LinkedHashMap<>(daemonEnvironment);
        environment.putAll(own);
        names = Expansions.withEnvironment(names, environment);
        String directory = v.expanded("directory", null, names);
        String name = v.expanded("process_name", "%(program_name)s", names, "process_name");
        if (name == null) name = program + (numprocs > 1 ? "-" + num : "");
        LogSpec stdout = log(v, "stdout", name, names);
        LogSpec stderr = log(v, "stderr", name, names);
        if (s.redirectStderr()) {
            if (!stderr.isNone() && !stderr.auto()) {
                v.warning("stderr_logfile", "For [" + v.section().name() + "], redirect_stderr=true but "
                        + "stderr_logfile has also been set to a filename, the filename has been ignored");
            }
            stderr = LogSpec.none();
        }
        String command = v.expanded("command", null, names);
        Execution execution = command == null ? null
                : v.parse("command", command, c -> execution(c, s.isolated())).orElse(null);
        return new ProcessConfig(name, group, program, num, s.priority(), s.autostart(), s.autorestart(),
                s.exitcodes(), s.startsecs(), s.startretries(), s.stopwaitsecs(), execution, stdout, stderr,
                s.redirectStderr(), directory == null ? null : here.resolve(directory).normalize().toString(),
                Map.copyOf(environment), s.child(), v.sourceOf("command"));
    }

    /**
     * How a {@code command=} runs: an engine-launcher line is a Java engine (a thread, or a child JVM when
     * isolated); any other command is a child process, split as supervisord's {@code shlex.split}.
     */
    static Execution execution(String command, boolean isolated) throws InvalidValueException {
        if (LauncherArguments.isLauncherLine(command)) {
            LaunchSpec launch = LauncherArguments.parseCommand(command);
            return isolated ? new Execution.IsolatedJvm(launch, "isolation=process: a Java engine in its own JVM")
                    : new Execution.Thread(launch, "a Java engine, run by a worker thread");
        }
        List<String> argv = CommandSplitter.split(command);
        if (argv.isEmpty()) throw new InvalidValueException("command is empty (expected a program and its arguments)");
        return new Execution.Child(argv, "not an engine-launcher line: a child process, as supervisord runs it");
    }

    private static boolean isolation(String value) throws InvalidValueException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "thread" -> false;
            case "process" -> true;
            default -> throw new InvalidValueException("invalid 'isolation' value " + PyFormat.repr(value)
                    + " (expected thread or process)");
        };
    }

    private LogSpec log(SectionValues v, String channel, String process, Map<String, Object> names) {
        String key = channel + "_logfile";
        String value = v.expanded(key, "AUTO", names);
        int backups = v.typed(key + "_backups", "10", names, SupervisorTypes::integer, 10);
        long maxBytes = v.typed(key + "_maxbytes", "50MB", names, SupervisorTypes::byteSize, 50L << 20);
        if (value == null || LogFiles.isNone(value)) return LogSpec.none();
        if (LogFiles.isAuto(value)) {
            if (maxBytes == 0) {
                v.warning(key + "_maxbytes", "For [" + v.section().name() + "], AUTO logging used for " + key
                        + " without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally");
            }
            return new LogSpec(LogFiles.auto(childLogDir, process, channel), true, maxBytes, backups);
        }
        Path path = Expansions.resolve(here, value, names);
        return v.parse(key, value, p -> LogFiles.writableLogFile(p, path))
                .map(p -> new LogSpec(p, false, maxBytes, backups)).orElse(LogSpec.none());
    }

    /**
     * One note per option without meaning here (those of child processes only when the program runs as a thread),
     * a warning per unknown option, and one for an isolation that cannot apply to a command.
     */
    private void reportOptions(SectionValues v, Execution execution) {
        boolean thread = execution instanceof Execution.Thread;
        for (IniEntry e : v.section().entries()) {
            String reason = MEANINGLESS.getOrDefault(e.key(), thread ? CHILD_ONLY.get(e.key()) : null);
            if (reason != null) {
                v.note(e.key(), "accepted but ignored: " + reason);
            } else if (!USED.contains(e.key())) {
                Set<String> known = new TreeSet<>(USED);
                known.addAll(MEANINGLESS.keySet());
                v.warning(e.key(), "unknown option, ignored" + NearestNames.hint(e.key(), known));
            }
        }
        if (execution instanceof Execution.Child && v.has(ISOLATION)) {
            v.warning(ISOLATION, "isolation applies to engine-launcher programs only; this command already runs as"
                    + " a child process");
        }
    }

    private static Map<String, String> meaningless() {
        Map<String, String> m = new HashMap<>();
        m.put("serverurl", "processes do not call the daemon back");
        for (String channel : List.of("stdout", "stderr")) {
            m.put(channel + "_syslog", "a program's output goes to its log files only");
            m.put(channel + "_events_enabled", "there are no event listeners");
            m.put(channel + "_capture_maxbytes", "there are no event listeners, so no capture mode");
        }
        return Map.copyOf(m);
    }
}
