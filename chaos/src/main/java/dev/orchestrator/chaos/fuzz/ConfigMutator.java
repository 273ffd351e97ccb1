package dev.orchestrator.chaos.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Mutates a copy of a configuration tree the way a careless operator, a bad merge or a broken disk would: lines
 * deleted, duplicated, swapped or garbled, random keys and values, bad {@code %(...)s} expansions, bad
 * {@code [include]} patterns, odd section headers, binary junk, truncated or missing files. Deterministic for a
 * given {@link Random}: a case is reproduced from its seed.
 */
final class ConfigMutator {

    private static final String[] KEYS = {"command", "numprocs", "numprocs_start", "process_name", "priority",
            "autostart", "autorestart", "startsecs", "startretries", "exitcodes", "stopsignal", "stopwaitsecs",
            "stdout_logfile", "stderr_logfile", "stdout_logfile_maxbytes", "stdout_logfile_backups",
            "redirect_stderr", "environment", "directory", "user", "umask", "programs", "files", "file", "logfile",
            "loglevel", "pidfile", "childlogdir", "next", "next_balanced", "beat_interval", "exchange_name",
            "routing_keys", "event_processing", "beat_processing", "max_retries", "prefetch", "queue_arguments",
            "host", "port", "userid", "password", "virtual_host", "minfds", "nodaemon", "chmod", "serverurl"};

    private static final String[] VALUES = {"", " ", "0", "-1", "1", "2147483648", "99999999999999999999",
            "1e99", "NaN", "0x10", "true", "false", "unexpected", "maybe", "10MB", "10XB", "-5KB", "1GB", "%", "%%",
            "%(", "%(program_name", "%(program_name)", "%(program_name)s", "%(process_num)d", "%(process_num)s",
            "%(process_num)02d", "%(process_num)x", "%(nope)s", "%(ENV_NOPE)s", "%(ENV_HOME)s", "%(here)s",
            "%(here)d", "%(group_name)s%(", "%()s", "%(%(x)s)s", "%s", "%d", "%(host_node_name)s", "~", "~nobody/x",
            "/", "/dev/null", "/proc/self/fd/0", "..", "../../../../etc/passwd", "*", "**", "[", "]", "=", ":", ";",
            "#", "a,b,,c", ",", "next,next", "engine-launcher", "engine-launcher -e", "engine-launcher -e dynamic",
            "engine-launcher -e dynamic -n", "engine-launcher -e dynamic -n x -w", "engine-launcher -e dynamic -n x -w"
            + " notanumber -l nope", "engine-launcher -n tag -w %(process_num)d --bogus", "'unterminated",
            "\"unterminated", "a\\", "SIGTERM", "SIGNOPE", "TERM", "9", "KEY=value", "A=\"b\",C=", "A=%(ENV_NOPE)s",
            "\u00e9t\u00e9", "\u202e\u0000", "x".repeat(5000), "{\"x-queue-type\": \"quorum\"}", "{not json",
            "amqp://guest:guest@127.0.0.1:5672/%2f", "amqp://[bad", "canopsis.perfdata.process.event_processing",
            "no.such.task", "cleaner_events", "event_filter, tag", "tag,tag"};

    private static final String[] HEADERS = {"[program:", "[program:]", "[program:x]", "[program:engine-tag]",
            "[group:]", "[group:amqp2engines]", "[group:g]", "[engine:]", "[engine:x]", "[engine:tag]", "[]",
            "[include]", "[supervisord]", "[unix_http_server]", "[master]", "[[x]]", "[program:a b]",
            "[program:%(ENV_NOPE)s]", "[program:../x]", "[eventlistener:x]", "[fcgi-program:x]", "[rpcinterface:x]",
            "[supervisorctl]", "[inet_http_server]", "[program:engine-tag:0]", "[engine:a.b]"};

    private static final String[] INCLUDES = {"", "nope/*.conf", "/", "/etc/*", "*", "**/*", "../*",
            "supervisord.conf", "supervisord.d", "engines/*.ini engines/*.ini", "[", "%(here)s/engines/*.ini",
            "%(ENV_NOPE)s/*.ini", "engines/*.ini %(", "/dev/zero", "/proc/self/*", "\u0000", "engines/[a-z.ini",
            "{a,b}", "engines/*.ini supervisord.d/../engines/tag.ini"};

    private static final String GARBAGE = "[]=:;#%()\\\"' \t\r\u0000\u00ff,*?";

    private final Random random;

    ConfigMutator(Random random) {
        this.random = random;
    }

    /** Applies one to three mutations to files of {@code tree}; returns what it did, one line each. */
    List<String> mutate(Path tree) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> done = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count && !files.isEmpty(); i++) {
            Path file = files.get(random.nextInt(files.size()));
            if (!Files.exists(file)) continue;
            done.add(tree.relativize(file) + ": " + mutate(file, tree));
        }
        return done;
    }

    private String mutate(Path file, Path tree) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(
                new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1)));
        int at = random.nextInt(lines.size());
        String what;
        switch (random.nextInt(16)) {
            case 0 -> { what = "delete line " + (at + 1); lines.remove(at); }
            case 1 -> { what = "duplicate line " + (at + 1); lines.add(at, lines.get(at)); }
            case 2 -> {
                int other = random.nextInt(lines.size());
                what = "swap lines " + (at + 1) + " and " + (other + 1);
                String tmp = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, tmp);
            }
            case 3 -> { what = "garble line " + (at + 1); lines.set(at, garble(lines.get(at))); }
            case 4 -> {
                String line = pick(KEYS) + pick("=", ":", " = ", "=", "") + pick(VALUES);
                what = "insert '" + shorten(line) + "' at line " + (at + 1);
                lines.add(at, line);
            }
            case 5, 6 -> what = replaceValue(lines, at);
            case 7 -> what = badExpansion(lines, at);
            case 8 -> what = badInclude(lines);
            case 9 -> {
                String header = pick(HEADERS);
                what = "insert header " + header + " at line " + (at + 1);
                lines.add(at, header);
            }
            case 10 -> { return junk(file); }
            case 11 -> {
                byte[] bytes = Files.readAllBytes(file);
                int keep = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                Files.write(file, Arrays.copyOf(bytes, keep));
                return "truncate to " + keep + " bytes";
            }
            case 12 -> { Files.delete(file); return "delete the file"; }
            case 13 -> { Files.write(file, new byte[0]); return "empty the file"; }
            case 14 -> {
                String key = pick(KEYS);
                what = "insert section with " + key + " at line " + (at + 1);
                lines.add(at, pick(HEADERS));
                lines.add(at + 1, key + "=" + pick(VALUES));
            }
            default -> {
                Path copy = tree.resolve(pick("engines/", "supervisord.d/", "") + "extra-" + random.nextInt(3)
                        + pick(".ini", ".conf"));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return "copy to " + tree.relativize(copy);
            }
        }
        Files.write(file, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        return what;
    }

    private String replaceValue(List<String> lines, int at) {
        for (int tries = 0; tries < lines.size(); tries++) {
            int i = (at + tries) % lines.size();
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq > 0 && !line.stripLeading().startsWith(";")) {
                String value = pick(VALUES);
                lines.set(i, line.substring(0, eq + 1) + value);
                return "set " + line.substring(0, eq).strip() + "='" + shorten(value) + "' at line " + (i + 1);
            }
        }
        return "no value to replace";
    }

    private String badExpansion(List<String> lines, int at) {
        String[] bad = {"%(", "%(x", "%(nope)s", "%(program_name)q", "%(process_num)", "%(ENV_)s", "%", "%(%)s",
                "%(process_num)99999999999d", "%(process_num)-5.2f", "%(process_num)*d", "%(here)s%(here)s%(here)s"};
        String line = lines.get(at);
        int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
        String insert = pick(bad);
        lines.set(at, line.substring(0, pos) + insert + line.substring(pos));
        return "insert '" + insert + "' into line " + (at + 1);
    }

    private String badInclude(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("files")) {
                String value = pick(INCLUDES);
                lines.set(i, "files=" + value);
                return "include files='" + shorten(value) + "' at line " + (i + 1);
            }
        }
        lines.add("[include]");
        String value = pick(INCLUDES);
        lines.add("files=" + value);
        return "append [include] files='" + shorten(value) + "'";
    }

    private String junk(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] junk = new byte[1 + random.nextInt(256)];
        random.nextBytes(junk);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        byte[] out = new byte[bytes.length + junk.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
        Files.write(file, out);
        return "insert " + junk.length + " random bytes at offset " + at;
    }

    private String garble(String line) {
        StringBuilder b = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int pos = b.length() == 0 ? 0 : random.nextInt(b.length());
            char c = GARBAGE.charAt(random.nextInt(GARBAGE.length()));
            switch (random.nextInt(3)) {
                case 0 -> b.insert(pos, c);
                case 1 -> { if (b.length() > 0) b.deleteCharAt(pos); }
                default -> { if (b.length() > 0) b.setCharAt(pos, c); }
            }
        }
        return b.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
