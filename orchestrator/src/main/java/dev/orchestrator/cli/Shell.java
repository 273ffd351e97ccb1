package dev.orchestrator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * supervisorctl's interactive shell ({@code supervisor/supervisorctl.py}, {@code Controller.exec_cmdloop} and
 * {@code onecmd}): prints {@code status} first, then reads one command a line after the prompt, runs it as
 * {@code orchestrator COMMAND} with the same global options, and carries on whatever it returned. {@code help},
 * {@code help COMMAND}, {@code quit}, {@code exit} and end of input end it; an unknown command prints
 * {@code *** Unknown syntax: LINE}. A line is split at whitespace, as supervisorctl's commands split their arguments.
 * With {@code -r/--history-file FILE} each command is appended to that file. The shell's own exit status is
 * always 0, as supervisorctl's interactive mode.
 */
final class Shell {

    static final String PROMPT = "orchestrator> ";
    private static final List<String> OWN = List.of("help", "quit", "exit", "EOF");

    private final GlobalOptions globals;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;

    Shell(GlobalOptions globals, BufferedReader in, PrintWriter out, PrintWriter err) {
        this.globals = globals;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run() {
        execute("status");
        while (true) {
            out.print(PROMPT);
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                err.println("Error: cannot read the next command: " + e.getMessage());
                err.flush();
                return 0;
            }
            if (line == null) {
                out.println();
                out.flush();
                return 0;
            }
            remember(line.strip());
            if (!execute(line.strip())) return 0;
        }
    }

    /** Runs one line; false when it ends the shell. */
    private boolean execute(String line) {
        if (line.isEmpty()) return true;
        List<String> words = List.of(line.split("\\s+"));
        String command = words.get(0);
        switch (command) {
            case "quit", "exit", "EOF" -> {
                return false;
            }
            case "help" -> help(words.subList(1, words.size()));
            default -> {
                if (!Main.commandNames().contains(command)) {
                    say("*** Unknown syntax: " + line);
                } else {
                    Main.run(globals.with(words), in, out, err);
                }
            }
        }
        return true;
    }

    /** {@code help}: the command names in columns; {@code help X}: that command's usage. */
    private void help(List<String> topics) {
        if (topics.isEmpty()) {
            say("");
            say("default commands (type help <topic>):");
            say("=====================================");
            TreeSet<String> names = new TreeSet<>(Main.commandNames());
            names.addAll(OWN.subList(0, 3));
            List<String> all = new ArrayList<>(names);
            for (int i = 0; i < all.size(); i += 8) {
                StringBuilder row = new StringBuilder();
                for (String n : all.subList(i, Math.min(all.size(), i + 8))) row.append(String.format("%-10s", n));
                say(row.toString().stripTrailing());
            }
            say("");
            return;
        }
        for (String topic : topics) {
            switch (topic) {
                case "help" -> {
                    say("help\t\tPrint a list of available actions");
                    say("help <action>\tPrint help for <action>");
                }
                case "quit", "exit" -> say(topic + "\tExit the orchestrator shell.");
                default -> {
                    if (!Main.printUsage(topic, out)) say("*** No help on " + topic);
                }
            }
        }
    }

    private void remember(String line) {
        if (globals.historyFile() == null || line.isEmpty()) return;
        try {
            Files.writeString(Path.of(globals.historyFile()), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("Error: history file " + globals.historyFile() + ": " + e.getMessage());
            err.flush();
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
