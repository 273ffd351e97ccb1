package dev.orchestrator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * supervisorctl's options before the subcommand ({@code supervisor/options.py}, {@code ClientOptions}):
 * {@code -c/--configuration FILE}, {@code -s/--serverurl URL}, {@code -u/--username}, {@code -p/--password},
 * {@code -i/--interactive}, {@code -r/--history-file FILE}, so that {@code orchestrator -c FILE status}, the habit of
 * scripts written for supervisorctl, works. The configuration and the server URL are handed to the subcommand as
 * its own {@code --config} and {@code --serverurl}; the user name and password have no meaning on the owner-only
 * Unix socket and are accepted and ignored, as supervisorctl ignores them for a server without authentication.
 */
record GlobalOptions(String config, String serverUrl, boolean interactive, String historyFile, List<String> command) {

    /** Long option of the subcommands for each global option handed down. */
    private static final Map<String, String> HANDED_DOWN = Map.of("config", "--config", "serverurl", "--serverurl");

    /** Reads the leading options of {@code args}; the first word that is not one starts the command. */
    static GlobalOptions parse(String... args) {
        String config = null;
        String serverUrl = null;
        String history = null;
        boolean interactive = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = name.equals(a) ? null : a.substring(name.length() + 1);
            String shortInline = null;
            if (!a.startsWith("--") && a.length() > 2 && a.startsWith("-") && "csupr".indexOf(a.charAt(1)) >= 0) {
                name = a.substring(0, 2);
                shortInline = a.substring(2);
            }
            String option = switch (name) {
                case "-c", "--configuration", "--config" -> "config";
                case "-s", "--serverurl" -> "serverurl";
                case "-u", "--username" -> "username";
                case "-p", "--password" -> "password";
                case "-r", "--history-file" -> "history";
                case "-i", "--interactive" -> "interactive";
                default -> null;
            };
            if (option == null) break;
            if (option.equals("interactive")) {
                interactive = true;
                continue;
            }
            String value = inline != null ? inline : shortInline;
            if (value == null) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " requires a value");
                value = args[++i];
            }
            switch (option) {
                case "config" -> config = value;
                case "serverurl" -> serverUrl = value;
                case "history" -> history = value;
                default -> { }
            }
        }
        return new GlobalOptions(config, serverUrl, interactive, history, List.of(args).subList(i, args.length));
    }

    /** True when there is no command: supervisorctl then opens its shell. */
    boolean shell() {
        return command.isEmpty();
    }

    /** The same options with another command (a line of the shell). */
    GlobalOptions with(List<String> words) {
        return new GlobalOptions(config, serverUrl, interactive, historyFile, List.copyOf(words));
    }

    /**
     * The arguments for the subcommand: the command with the global configuration and server URL inserted as the
     * subcommand's own options, which it has when {@code accepts} takes their long name (every one when it is null).
     * A global option the subcommand has no use for is an error naming both.
     */
    String[] argumentsFor(Predicate<String> accepts) {
        List<String> out = new ArrayList<>();
        out.add(command.get(0));
        handDown(accepts, "config", config, "-c", out);
        handDown(accepts, "serverurl", serverUrl, "-s", out);
        out.addAll(command.subList(1, command.size()));
        return out.toArray(new String[0]);
    }

    /** {@link #argumentsFor} a control command, which takes both options (no lambda on the CLI's start-up path). */
    String[] argumentsForControlCommand() {
        return argumentsFor(null);
    }

    private void handDown(Predicate<String> accepts, String key, String value, String shortName, List<String> out) {
        if (value == null) return;
        String option = HANDED_DOWN.get(key);
        if (accepts != null && !accepts.test(option)) {
            throw new IllegalArgumentException("option " + shortName + " does not apply to '" + command.get(0)
                    + "' (it reads no configuration and talks to no daemon)");
        }
        out.add(option + "=" + value);
    }
}
