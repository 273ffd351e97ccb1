package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.PluginJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator tasks}: each name with where it comes from; a corrupt jar and the duplicates of a second jar said. */
class TasksCommandTest {

    @TempDir
    Path dir;

    @Test
    void tasksShowsTheJarOfEachTaskAndWarnsOfDuplicates() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.write(dir, plugins.resolve("demo-1.0.jar"), "1.0");
        PluginJars.write(dir, plugins.resolve("demo-1.1.jar"), "1.1");
        Files.writeString(plugins.resolve("corrupt.jar"), "not a zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = RootCommand.commandLine("tasks").execute("tasks", "--plugins", plugins.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(0, status);
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("  dynamic  built-in\n"), listed);
        assertTrue(listed.contains("  demo.version  demo-1.0.jar\n"), listed);
        assertEquals("tasks: warning: plugin jar " + plugins.resolve("corrupt.jar") + " cannot be loaded: it is not a"
                + " readable jar (ZipException: zip END header not found); the engines that need its tasks fail at their"
                + " start, the others run\n"
                + "tasks: warning: event task 'demo.version' of " + plugins.resolve("demo-1.1.jar")
                + " ignored: already registered by " + plugins.resolve("demo-1.0.jar") + "\n",
                err.toString(StandardCharsets.UTF_8));
    }

}
