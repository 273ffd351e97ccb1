package dev.orchestrator.config;

import dev.orchestrator.http.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code [supervisord]}, {@code [unix_http_server]} and {@code [inet_http_server]}: the daemon's log, pid file, working and child-log
 * directories, control socket and {@code environment}. Relative paths are taken from the main file's directory;
 * defaults are under the installation (logs/orchestrator.log, run/orchestrator.pid, run/orchestrator.sock, logs/).
 */
final class SupervisordReader {

    /** The settings, and {@code [supervisord] environment=} which programs inherit and ENV_ expansions see. */
    record Result(SupervisordSettings settings, Map<String, String> environment) {}

    static final String SECTION = "supervisord";
    static final String SERVER_SECTION = "unix_http_server";
    static final String CLIENT_SECTION = "supervisorctl";
    private static final String UNIX_SCHEME = "unix://";

    private static final Set<String> USED = Set.of("logfile", "logfile_maxbytes", "logfile_backups", "loglevel",
            "pidfile", "directory", "childlogdir", "environment");
    private static final Set<String> MEANINGLESS = Set.of("nodaemon", "silent", "minfds", "minprocs", "nocleanup",
            "umask", "user", "identifier", "strip_ansi");
    private static final List<String> LEVELS = List.of("critical", "error", "warn", "info", "debug", "trace",
            "blather");

    private SupervisordReader() { }

    static Result read(IniDocument doc, Path here, Path home, Map<String, Object> names, Problems problems) {
        SupervisordSettings defaults = new SupervisordSettings(home.resolve("logs/orchestrator.log"), 50L << 20, 10,
                "info", home.resolve("run/orchestrator.pid"), null, home.resolve("logs"), defaultSocket(home));
        Server socket = server(doc, here, home, names, problems);
        SupervisordSettings.InetHttpServer inet = HttpServerReader.inet(doc, names, problems);
        Result result = doc.section(SECTION)
                .map(s -> daemon(new SectionValues(s, problems), here, names, defaults))
                .orElse(new Result(defaults, Map.of()));
        SupervisordSettings s = result.settings();
        return new Result(new SupervisordSettings(s.logfile(), s.logfileMaxBytes(), s.logfileBackups(), s.loglevel(),
                s.pidfile(), s.directory(), s.childLogDir(), socket.file(), socket.credentials(), inet),
                result.environment());
    }

    /**
     * {@code [supervisorctl] serverurl=unix://PATH}, expanded and resolved as supervisorctl does (supervisor/options.py,
     * {@code ClientOptions.read_config}: {@code here} and {@code ENV_X}, then {@code ~}) but from the main file's
     * directory as every path here; null without it or for another scheme.
     */
    static Path clientSocketFile(IniDocument doc, Path here, Map<String, Object> names, Problems problems) {
        IniSection section = doc.section(CLIENT_SECTION).orElse(null);
        String url = section == null ? null : new SectionValues(section, problems).expanded("serverurl", null, names);
        if (url == null || !url.startsWith(UNIX_SCHEME)) return null;
        return Expansions.resolve(here, url.substring(UNIX_SCHEME.length()), names);
    }

    /** The control socket of {@code doc}: {@code [unix_http_server] file=}, as {@link #read} reads it. */
    static Path socketFile(IniDocument doc, Path here, Path home, Map<String, Object> names, Problems problems) {
        return server(doc, here, home, names, problems).file();
    }

    private static Path defaultSocket(Path home) {
        return home.resolve("run/orchestrator.sock");
    }

    /** {@code [unix_http_server]}: the socket file and the credentials HTTP requests on it need. */
    private record Server(Path file, Credentials credentials) {}

    private static Server server(IniDocument doc, Path here, Path home, Map<String, Object> names,
                                 Problems problems) {
        IniSection section = doc.section(SERVER_SECTION).orElse(null);
        return section == null ? new Server(defaultSocket(home), null)
                : server(new SectionValues(section, problems), here, names, defaultSocket(home));
    }

    private static Server server(SectionValues values, Path here, Map<String, Object> names, Path dflt) {
        for (IniEntry e : values.section().entries()) {
            if (!e.key().equals("file") && !HttpServerReader.CREDENTIALS.contains(e.key())) {
                values.note(e.key(), "ignored: the control socket is readable by its owner only");
            }
        }
        Credentials credentials = HttpServerReader.credentials(values, names);
        String file = values.expanded("file", null, names);
        return new Server(file == null ? dflt : Expansions.resolve(here, file, names),
                credentials);
    }

    private static Result daemon(SectionValues values, Path here, Map<String, Object> names,
                                 SupervisordSettings d) {
        for (IniEntry e : values.section().entries()) {
            if (MEANINGLESS.contains(e.key())) {
                values.note(e.key(), "ignored: it has no meaning for a JVM that runs its workers as threads");
            } else if (!USED.contains(e.key())) {
                values.warning(e.key(), "unknown option, ignored" + NearestNames.hint(e.key(), USED));
            }
        }
        Map<String, String> environment = values.typed("environment", "",
                Expansions.with(names, "host_node_name", Expansions.hostNodeName()),
                SupervisorTypes::keyValuePairs, Map.of());
        Map<String, Object> withEnv = Expansions.withEnvironment(names, environment);
        Path logfile = path(values, "logfile", withEnv, here, d.logfile(), true);
        long maxBytes = values.typed("logfile_maxbytes", "50MB", withEnv, SupervisorTypes::byteSize,
                d.logfileMaxBytes());
        int backups = values.typed("logfile_backups", "10", withEnv, SupervisorTypes::integer, d.logfileBackups());
        String level = values.typed("loglevel", "info", withEnv, SupervisordReader::level, d.loglevel());
        Path pidfile = path(values, "pidfile", withEnv, here, d.pidfile(), false);
        Path directory = path(values, "directory", withEnv, here, d.directory(), false);
        Path childLogDir = path(values, "childlogdir", withEnv, here, d.childLogDir(), false);
        return new Result(new SupervisordSettings(logfile, maxBytes, backups, level, pidfile, directory,
                childLogDir, d.socketFile()), environment);
    }

    private static Path path(SectionValues values, String key, Map<String, Object> names, Path here, Path dflt,
                             boolean logFile) {
        if (!values.has(key)) return dflt;
        String value = values.expanded(key, null, names);
        if (value == null) return dflt;
        Path path = Expansions.resolve(here, value, names);
        if (logFile) {
            return values.parse(key, value, v -> LogFiles.writableLogFile(v, path)).orElse(dflt);
        }
        return path;
    }

    private static String level(String value) throws InvalidValueException {
        String s = value.toLowerCase(Locale.ROOT);
        if (LEVELS.contains(s)) return s;
        throw new InvalidValueException("bad logging level name " + PyFormat.repr(value)
                + " (expected one of " + String.join(", ", LEVELS) + ")");
    }
}
