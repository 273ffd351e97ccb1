package dev.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A configuration tree written into a temporary directory, loaded with a fixed environment. */
final class ConfigTree {

    final Path root;
    final Map<String, String> env;

    ConfigTree(Path root) {
        this(root, Map.of("HOME", root.toString(), "GREETING", "hello"));
    }

    ConfigTree(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
        dir("logs");
    }

    ConfigTree file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigTree dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String path) {
        return root.resolve(path);
    }

    Configuration load(String mainFile) {
        return ConfigLoader.load(root.resolve(mainFile), env, root);
    }

    /** A main file holding {@code body}, loaded. */
    Configuration single(String body) {
        return file("etc/supervisord.conf", body).load("etc/supervisord.conf");
    }

    /** The one program's one process of a single-file configuration holding {@code programBody} for program x. */
    ProcessConfig process(String programBody) {
        Configuration c = single("[engine:x]\n[program:x]\ncommand=engine-launcher -e dynamic -n x -w 0\n" + programBody);
        return c.processes().findFirst().orElseThrow();
    }

    static List<String> messages(Configuration c, Problem.Severity severity) {
        return c.problems().stream().filter(p -> p.severity() == severity).map(Problem::message).toList();
    }

    static List<String> errors(Configuration c) {
        return messages(c, Problem.Severity.ERROR);
    }

    /** Asserts exactly one error, starting with {@code text}, and returns it. */
    static Problem onlyError(Configuration c, String text) {
        List<Problem> errors = c.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        assertTrue(errors.get(0).message().startsWith(text), () -> "expected '" + text + "' in " + errors);
        return errors.get(0);
    }
}
