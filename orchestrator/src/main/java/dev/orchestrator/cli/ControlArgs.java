package dev.orchestrator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A control command's arguments, parsed by hand against its {@link CommandSyntax}: flags, {@code -c FILE},
 * {@code -s URL}, the command's own options (also as {@code --config=FILE}), {@code -h}, {@code --} and operands.
 * A {@code -N} of digits is an operand ({@code tail -100 NAME}); any other unknown option is a usage error, unless the command takes any operand
 * ({@link CommandSyntax#anyOperand}).
 */
final class ControlArgs {

    private final Set<String> flags = new HashSet<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();
    private boolean help;

    private ControlArgs() {}

    /** {@code args} after the command's name. */
    static ControlArgs parse(CommandSyntax syntax, List<String> args) throws UsageException {
        ControlArgs parsed = new ControlArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.length() == 1 || isNumber(arg.substring(1))) {
                parsed.operands.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            CommandSyntax.Flag flag = syntax.option(name);
            if (flag == CommandSyntax.HELP) {
                parsed.help = true;
            } else if (flag != null && flag.label() != null) {
                List<String> taken = parsed.taken(flag.key());
                if (value == null) {
                    if (i + 1 == args.size()) throw new UsageException("Missing required parameter for option '"
                            + name + "' (" + flag.label() + ")");
                    value = args.get(++i);
                }
                taken.add(value);
                while (flag.greedy() && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    taken.add(args.get(++i));
                }
            } else if (flag != null) {
                parsed.flags.add(flag.key());
            } else if (syntax.anyOperand()) {
                parsed.operands.add(arg);
            } else {
                throw new UsageException("Unknown option: '" + arg + "'");
            }
        }
        return parsed;
    }

    /** The values taken so far by the option whose long name is {@code key}, to add to. */
    private List<String> taken(String key) {
        List<String> taken = values.get(key);
        if (taken == null) values.put(key, taken = new ArrayList<>());
        return taken;
    }

    /** {@code -N} is an operand (e.g. {@code maintail -100}), not an option. */
    private static boolean isNumber(String text) {
        for (int i = 0; i < text.length(); i++) if (!Character.isDigit(text.charAt(i))) return false;
        return true;
    }

    /** Whether the flag whose long name is {@code key} was given. */
    boolean flag(String key) { return flags.contains(key); }

    /** The values given to the option whose long name is {@code key} (empty when not given). */
    List<String> values(String key) { return values.getOrDefault(key, List.of()); }

    /** The last value given to the option whose long name is {@code key}, or {@code otherwise}. */
    String value(String key, String otherwise) {
        List<String> given = values(key);
        return given.isEmpty() ? otherwise : given.get(given.size() - 1);
    }

    List<String> operands() { return operands; }

    boolean help() { return help; }

    /** Where the CLI finds the daemon and the configuration. */
    ControlOptions control() {
        String config = value(CommandSyntax.CONFIG.key(), null);
        return new ControlOptions(config == null ? null : Path.of(config), value(CommandSyntax.SERVER_URL.key(), null));
    }

    /** A bad command line: the message is printed as {@code Error: ...} with the usage. */
    static final class UsageException extends Exception {
        UsageException(String message) { super(message); }
    }
}
