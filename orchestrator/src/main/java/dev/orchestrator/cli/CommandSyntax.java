package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a control command accepts: its flags and operands, with the texts of its {@code --help}. One record per
 * command is the single source of its syntax: {@link ControlArgs} parses with it, {@link #printUsage} prints it, and
 * {@link RootCommand} builds picocli's model of it for the top-level help and bash completion only, so that a control
 * command itself starts without picocli (whose reflective start-up would cost more than the whole command).
 *
 * @param name        the subcommand, e.g. {@code status}
 * @param description lines under the synopsis; the first is the summary in {@code orchestrator --help}
 * @param flags       the command's own boolean options (the shared ones are {@link #SHARED})
 * @param operand     the operands' label, e.g. {@code NAME}; null when the command takes none
 * @param operandHelp what the operands are
 * @param anyOperand  whether an unknown {@code -x} is an operand that the command checks itself ({@code tail},
 *                    {@code maintail}: {@code bad argument -x}, as supervisorctl) rather than an unknown option
 */
record CommandSyntax(String name, List<String> description, List<Flag> flags, String operand, String operandHelp,
        boolean anyOperand) {

    /**
     * An option: its names (short first) and, for {@code -c FILE}-like options, the value's label (else null); a
     * {@code greedy} one takes every following argument up to the next option ({@code --replay ID...}).
     */
    record Flag(List<String> names, String label, String description, boolean greedy) {
        Flag(List<String> names, String label, String description) {
            this(names, label, description, false);
        }

        static Flag of(String name, String description) {
            return new Flag(List.of(name), null, description);
        }

        boolean named(String arg) { return names.contains(arg); }

        /** The long name, which {@link ControlArgs#flag} takes. */
        String key() { return names.get(names.size() - 1); }
    }

    static final Flag CONFIG = new Flag(List.of("-c", "--config"), "FILE",
            "The supervisord-style main configuration file (default: $" + ConfigOption.ENV
                    + ", else etc/supervisord.conf of the installation).");
    static final Flag SERVER_URL = new Flag(List.of("-s", "--serverurl"), "URL",
            "The daemon's control socket, unix:///path (default: [unix_http_server] file= of the configuration).");
    static final Flag HELP = new Flag(List.of("-h", "--help"), null, "Show this help message and exit.");
    /** The options every control command has. */
    static final List<Flag> SHARED = List.of(CONFIG, HELP, SERVER_URL);

    /** A command without operands; {@link #describedAs} and {@link #withOperands} complete it. */
    static CommandSyntax of(String name, Flag... flags) {
        return new CommandSyntax(name, List.of(), List.of(flags), null, null, false);
    }

    CommandSyntax withOperands(String label, String help) {
        return new CommandSyntax(name, description, flags, label, help, anyOperand);
    }

    /** The same, taking any {@code -x} that is not one of its options as an operand. */
    CommandSyntax withAnyOperand() {
        return new CommandSyntax(name, description, flags, operand, operandHelp, true);
    }

    CommandSyntax describedAs(String... lines) {
        return new CommandSyntax(name, List.of(lines), flags, operand, operandHelp, anyOperand);
    }

    /** The command's flags, then the shared ones. */
    List<Flag> options() {
        List<Flag> all = new ArrayList<>(flags);
        all.addAll(SHARED);
        return all;
    }

    /** The option called {@code name} (any of its names), or null. */
    Flag option(String name) {
        for (Flag f : options()) if (f.named(name)) return f;
        return null;
    }

    /** {@code --help}: synopsis, description, operands and options, in picocli's layout. */
    void printUsage(PrintWriter w) {
        StringBuilder synopsis = new StringBuilder("Usage: orchestrator ").append(name).append(" [-h]");
        for (Flag f : flags) {
            synopsis.append(" [").append(String.join("|", f.names()));
            if (f.label() != null) synopsis.append('=').append(f.label()).append(f.greedy() ? "..." : "");
            synopsis.append(']');
        }
        synopsis.append(" [-c=FILE] [-s=URL]");
        if (operand != null) synopsis.append(" [").append(operand).append("...]");
        w.println(synopsis);
        description.forEach(w::println);
        if (operand != null) w.println(row("      [" + operand + "...]", operandHelp));
        for (Flag f : options()) {
            String names = f.names().size() == 1 ? "      " + f.names().get(0)
                    : "  " + f.names().get(0) + ", " + f.names().get(1);
            w.println(row(f.label() == null ? names : names + "=" + f.label(), f.description()));
        }
        w.flush();
    }

    private static String row(String left, String text) {
        return left.length() < 24 ? left + " ".repeat(24 - left.length()) + text : left + "\n" + " ".repeat(24) + text;
    }
}
