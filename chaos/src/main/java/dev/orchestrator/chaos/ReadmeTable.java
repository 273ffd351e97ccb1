package dev.orchestrator.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refreshes the figures table between {@code <!-- chaos:begin -->} and {@code <!-- chaos:end -->} in the README:
 * the rows of the scenarios just run replace theirs, the others stay (a partial run keeps the last figures).
 */
final class ReadmeTable {

    static final String BEGIN = "<!-- chaos:begin -->";
    static final String END = "<!-- chaos:end -->";

    private ReadmeTable() { }

    static void refresh(Path readme, String heading, String table) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) throw new IOException(readme + " has no " + BEGIN + " ... " + END + " block");
        Map<Integer, String> rows = new TreeMap<>();
        String[] header = new String[2];
        collect(text.substring(begin, end), rows, header);
        collect(table, rows, header);
        StringBuilder block = new StringBuilder(BEGIN).append('\n').append(heading).append("\n\n");
        block.append(header[0]).append('\n').append(header[1]).append('\n');
        rows.values().forEach(r -> block.append(r).append('\n'));
        Files.writeString(readme, text.substring(0, begin) + block + text.substring(end));
    }

    private static void collect(String table, Map<Integer, String> rows, String[] header) {
        for (String line : table.split("\n")) {
            if (!line.startsWith("| ")) continue;
            String first = line.substring(2, line.indexOf('|', 2)).strip();
            if (first.matches("\\d+")) rows.put(Integer.parseInt(first), line);
            else if (first.equals("#")) header[0] = line;
        }
        if (header[0] != null) header[1] = "|---|---|---:|---:|---:|---:|---:|---|---|";
    }
}
