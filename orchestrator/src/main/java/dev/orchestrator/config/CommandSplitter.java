package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code shlex.split} (POSIX mode), which supervisord applies to {@code command=}. */
final class CommandSplitter {

    private CommandSplitter() { }

    static List<String> split(String command) throws InvalidValueException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i++);
            if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else if (c == '\'') {
                int end = command.indexOf('\'', i);
                if (end < 0) throw unclosed(command);
                word.append(command, i, end);
                i = end + 1;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(command, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i >= n) throw new InvalidValueException("No escaped character at the end of " + command);
                word.append(command.charAt(i++));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Appends a double-quoted part (backslash escapes only {@code "} and {@code \}); returns the index after it. */
    private static int doubleQuoted(String command, int i, StringBuilder word) throws InvalidValueException {
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i++);
            if (c == '"') return i;
            if (c == '\\' && i < n && (command.charAt(i) == '"' || command.charAt(i) == '\\')) c = command.charAt(i++);
            word.append(c);
        }
        throw unclosed(command);
    }

    private static InvalidValueException unclosed(String command) {
        return new InvalidValueException("No closing quotation in " + PyFormat.repr(command)
                + " (expected matching quotes)");
    }
}
