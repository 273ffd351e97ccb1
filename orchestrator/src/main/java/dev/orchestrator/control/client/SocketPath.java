package dev.orchestrator.control.client;

import dev.orchestrator.config.Home;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the control socket for the CLI without loading the whole configuration: {@code [unix_http_server] file=}
 * of the main file, with {@code %(here)s}, {@code %(ENV_X)s} and {@code ~} ({@code $HOME} first, as Python's
 * {@code expanduser} and the configuration loader) expanded and a relative path taken from
 * the main file's directory, as the configuration loader reads it. Without that key the socket is
 * {@code run/orchestrator.sock} under the installation ({@code orchestrator.home}).
 */
public final class SocketPath {

    private static final Pattern SECTION = Pattern.compile("\\s*\\[(.+)]\\s*");
    private static final Pattern FILE = Pattern.compile("file\\s*[=:]\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENV = Pattern.compile("%\\(ENV_(\\w+)\\)s");

    private SocketPath() {}

    /** The socket path that {@code mainFile} configures. */
    public static Path of(Path mainFile) throws IOException {
        Path here = mainFile.toAbsolutePath().normalize().getParent();
        String section = null;
        for (String raw : Files.readAllLines(mainFile)) {
            String line = uncomment(raw).strip();
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1);
                continue;
            }
            Matcher file = FILE.matcher(line);
            if ("unix_http_server".equals(section) && file.matches()) {
                return here.resolve(expand(file.group(1).strip(), here)).normalize();
            }
        }
        return defaultSocket();
    }

    /** {@code run/orchestrator.sock} under the installation. */
    public static Path defaultSocket() {
        return Home.get().resolve("run").resolve("orchestrator.sock");
    }

    private static String expand(String value, Path here) {
        String v = value.replace("%(here)s", here.toString());
        Matcher env = ENV.matcher(v);
        StringBuilder b = new StringBuilder();
        while (env.find()) {
            String e = System.getenv(env.group(1));
            env.appendReplacement(b, Matcher.quoteReplacement(e == null ? "" : e));
        }
        v = env.appendTail(b).toString();
        String home = System.getenv("HOME");
        if (v.equals("~") || v.startsWith("~/")) {
            v = (home == null || home.isEmpty() ? System.getProperty("user.home") : home) + v.substring(1);
        }
        return v;
    }

    /** The line without its comment: a full-line {@code ;}/{@code #}, or one after whitespace. */
    private static String uncomment(String line) {
        String stripped = line.strip();
        if (stripped.startsWith(";") || stripped.startsWith("#")) return "";
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(line.charAt(i - 1))) return line.substring(0, i);
        }
        return line;
    }
}
