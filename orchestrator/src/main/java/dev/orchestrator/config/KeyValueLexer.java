package dev.orchestrator.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens Python's non-POSIX {@code shlex.shlex} yields for supervisord's {@code environment=} value (word
 * characters extended with {@code /.+-():}): words, quoted strings with their quotes, and single other characters;
 * {@code #} starts a comment.
 */
final class KeyValueLexer {

    private static final String EXTRA_WORD_CHARS = "_/.+-():";

    private KeyValueLexer() { }

    static List<String> tokens(String s) throws InvalidValueException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new InvalidValueException("No closing quotation in value '" + s
                            + "' (expected a closing " + c + ")");
                }
                tokens.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(s.charAt(i))) i++;
                tokens.add(s.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || EXTRA_WORD_CHARS.indexOf(c) >= 0;
    }
}
