package dev.orchestrator.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code [include] files=}: space-separated glob patterns relative to the including file's directory, matched as
 * Python's {@code glob.glob} does ({@code *}, {@code ?}, {@code [...]} within one path segment; hidden files only
 * when the segment starts with a dot), matches sorted.
 */
final class Includes {

    private Includes() { }

    static List<Path> resolve(Path base, String pattern) {
        Path full = base.resolve(pattern).normalize();
        List<Path> matches = new ArrayList<>();
        matches.add(full.getRoot() == null ? base : full.getRoot());
        for (Path segment : full.getRoot() == null ? full : full.getRoot().relativize(full)) {
            matches = step(matches, segment.toString());
        }
        List<Path> files = new ArrayList<>();
        for (Path p : matches) if (Files.isRegularFile(p)) files.add(p);
        Collections.sort(files);
        return files;
    }

    private static List<Path> step(List<Path> dirs, String segment) {
        List<Path> next = new ArrayList<>();
        boolean wildcard = segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0;
        for (Path dir : dirs) {
            if (!wildcard) {
                Path p = dir.resolve(segment);
                if (Files.exists(p)) next.add(p);
                continue;
            }
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment.replace("{", "\\{"));
            } catch (IllegalArgumentException e) {
                return List.of(); // an unclosed [ matches nothing, as with glob
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    Path name = child.getFileName();
                    boolean hidden = name.toString().startsWith(".") && !segment.startsWith(".");
                    if (!hidden && matcher.matches(name)) next.add(child);
                }
            } catch (IOException e) {
                // an unreadable or missing directory matches nothing, as with glob
            }
        }
        return next;
    }
}
