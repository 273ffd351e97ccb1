package dev.orchestrator.config;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an INI file the way supervisord's parser (Python's {@code RawConfigParser} with {@code ;} and {@code #}
 * as comment and inline-comment prefixes, non-strict) does, keeping the line of every key:
 * <ul>
 *   <li>a line whose first non-blank character is {@code ;} or {@code #} is a comment; elsewhere {@code ;} and
 *       {@code #} start a comment only after whitespace ({@code routing_keys=#} keeps its {@code #});</li>
 *   <li>{@code key=value}, {@code key = value} and {@code key: value} (the first {@code =} or {@code :} splits);
 *       keys are lower-cased, section names are not;</li>
 *   <li>a line indented deeper than its key's line continues the value (joined with a newline);</li>
 *   <li>a repeated section merges and a repeated key replaces the earlier value (with a warning here);</li>
 *   <li>{@code %(here)s} is replaced by the file's directory, as supervisord does for the main and included files.</li>
 * </ul>
 * commons-configuration2's INIConfiguration was not used: it has no line numbers, no indentation continuation
 * and does not lower-case keys.
 */
final class IniReader {

    private static final String HERE = "%(here)s";
    static final int MAX_BYTES = 4 << 20;

    private IniReader() { }

    /** Reads {@code file} into {@code doc}; unreadable files and bad lines become problems. */
    static void read(Path file, IniDocument doc, Problems problems) {
        if (!doc.markRead(file)) return;
        List<String> lines;
        try {
            lines = readLines(file);
        } catch (IOException e) {
            problems.error(new Source(file, 0, null, null), "cannot read the file: " + describe(e));
            return;
        }
        new FileParse(file, doc, problems).parse(lines);
    }

    /**
     * The file's lines, UTF-8 or else Latin-1. At most {@link #MAX_BYTES}: a configuration file is small, and an
     * include pattern may match a device or a /proc file that never ends.
     */
    private static List<String> readLines(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = new FileInputStream(file.toFile())) { // not Files': its channel costs a cold CLI more
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB, not a configuration file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(text));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) lines.add(line);
        return lines;
    }

    static String describe(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? what : what + " " + e.getMessage();
    }

    /** The parse of one file: the current section and the key a continuation line would extend. */
    private static final class FileParse {
        private final Path file;
        private final IniDocument doc;
        private final Problems problems;
        private final String here;
        private IniSection section;
        private String key;
        private int keyIndent;
        private final Map<IniSection, Map<String, Pending>> pending = new LinkedHashMap<>();

        FileParse(Path file, IniDocument doc, Problems problems) {
            this.file = file;
            this.doc = doc;
            this.problems = problems;
            Path dir = file.toAbsolutePath().normalize().getParent();
            this.here = dir == null ? "/" : dir.toString();
        }

        void parse(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), i + 1);
            }
            for (Map.Entry<IniSection, Map<String, Pending>> e : pending.entrySet()) {
                for (Pending p : e.getValue().values()) store(e.getKey(), p);
            }
        }

        private void line(String raw, int lineNo) {
            if (raw.indexOf('\0') >= 0) {
                problems.error(new Source(file, lineNo, section == null ? null : section.name(), null),
                        "a NUL character: the line is ignored (expected text; is this a binary file?)");
                return;
            }
            int commentStart = commentStart(raw);
            String value = (commentStart < 0 ? raw : raw.substring(0, commentStart)).strip();
            if (value.isEmpty()) {
                if (commentStart < 0 && section != null && key != null) current().lines.add("");
                return;
            }
            int indent = firstNonSpace(raw);
            if (section != null && key != null && indent > keyIndent) {
                current().lines.add(value);
                return;
            }
            keyIndent = indent;
            String name = header(value);
            if (name != null) {
                section = doc.sectionFor(name, new Source(file, lineNo, name, null));
                key = null;
            } else if (section == null) {
                problems.error(new Source(file, lineNo, null, null),
                        "a key outside any section: '" + value + "' (expected a [section] header first)");
            } else {
                option(value, lineNo);
            }
        }

        private void option(String text, int lineNo) {
            int split = indexOfSeparator(text);
            String name = split < 0 ? "" : text.substring(0, split).strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                problems.error(new Source(file, lineNo, section.name(), null),
                        "cannot parse '" + text + "' (expected key=value, key = value or key: value)");
                key = null;
                return;
            }
            key = name;
            Map<String, Pending> entries = pending.get(section);
            if (entries == null) pending.put(section, entries = new LinkedHashMap<>());
            String value = text.substring(split + 1).stripLeading();
            Pending earlier = entries.put(name, new Pending(name, lineNo, new ArrayList<>(List.of(value))));
            if (earlier != null) duplicate(name, earlier.line, lineNo);
        }

        private Pending current() {
            return pending.get(section).get(key);
        }

        private void store(IniSection sec, Pending p) {
            String value = String.join("\n", p.lines).stripTrailing().replace(HERE, here);
            Source source = new Source(file, p.line, sec.name(), p.key);
            IniEntry earlier = sec.put(new IniEntry(p.key, value, source)).orElse(null);
            if (earlier != null && !earlier.source().file().equals(file)) duplicate(sec, earlier, source);
        }

        private void duplicate(String name, int earlierLine, int lineNo) {
            problems.warning(new Source(file, lineNo, section.name(), name),
                    "set twice in this section (also at line " + earlierLine + "); this later value is used");
        }

        private void duplicate(IniSection sec, IniEntry earlier, Source later) {
            problems.warning(later, "also set in " + earlier.source().file() + ':' + earlier.source().line()
                    + " for [" + sec.name() + "]; this later value is used");
        }

        /**
         * The name of a {@code [section]} header line, or null: Python's {@code SECTCRE}, {@code \[(?P<header>.+)\]}
         * matched at the start, so the name runs to the line's last {@code ]}. By hand, not by regex: the CLI reads
         * the configuration before every command, and a cold regex costs it milliseconds.
         */
        private static String header(String line) {
            int end = line.lastIndexOf(']');
            return line.startsWith("[") && end > 1 ? line.substring(1, end) : null;
        }

        /** Where a {@code key=value} or {@code key: value} line splits (Python's {@code OPTCRE}), or -1. */
        private static int indexOfSeparator(String line) {
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '=' || line.charAt(i) == ':') return i;
            }
            return -1;
        }

        private static int firstNonSpace(String line) {
            for (int i = 0; i < line.length(); i++) {
                if (!Character.isWhitespace(line.charAt(i))) return i;
            }
            return 0;
        }

        /** Index where a comment starts, or -1: a full-line comment, or ; or # at the start or after whitespace. */
        private static int commentStart(String line) {
            String stripped = line.strip();
            if (stripped.startsWith(";") || stripped.startsWith("#")) return 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c == ';' || c == '#') && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return i;
            }
            return -1;
        }
    }

    /** A key being read: its line and its value lines (more than one with continuation lines). */
    private record Pending(String key, int line, List<String> lines) {}
}
