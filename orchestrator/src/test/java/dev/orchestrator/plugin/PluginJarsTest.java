package dev.orchestrator.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.testing.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars as a user drops them in plugins/: compiled here against the API, each loaded on its own. */
class PluginJarsTest {

    @TempDir
    Path dir;

    /**
     * Regression: with one class loader for every jar, ServiceLoader saw the library class once and the second
     * version was dropped without a word. Each jar now has its own loader; the names the second registers again
     * are warnings naming both jars, and the first (by file name) is the one that runs.
     */
    @Test
    void twoVersionsOfAPluginSideBySideAreBothSeenAndTheDuplicateIsSaid() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path v1 = PluginJars.write(dir, plugins.resolve("demo-1.0.jar"), "1.0");
        Path v2 = PluginJars.write(dir, plugins.resolve("demo-1.1.jar"), "1.1");

        DefaultTaskRegistry registry = TaskRegistries.discover(plugins);

        ObjectNode event = JsonNodeFactory.instance.objectNode();
        registry.eventTask("demo.version").orElseThrow().process(null, event, null, null);
        assertEquals("1.0", event.path("version").asText());
        assertEquals(v1.toString(), registry.origin(DefaultTaskRegistry.EVENT_TASK, "demo.version"));
        assertEquals(DefaultTaskRegistry.BUILT_IN, registry.origin(DefaultTaskRegistry.ENGINE_TYPE, "dynamic"));
        assertEquals(List.of("event task 'demo.version' of " + v2 + " ignored: already registered by " + v1),
                registry.warnings());
    }


    /**
     * Issue 16: a plugin jar whose library constructor threw stopped the daemon from starting at all. Now a corrupt
     * jar, a throwing constructor and a missing class are problems naming the jar, each of their tasks is unusable
     * with the reason (an unknown name too, since the corrupt jar may hold it), and the good jar beside them serves.
     */
    @Test
    void brokenJarsAreProblemsAndOnlyTheirTasksAreUnusable() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.broken(dir, plugins);
        PluginJars.write(dir, plugins.resolve("good.jar"), "1.0");

        DefaultTaskRegistry registry = TaskRegistries.discover(plugins);

        ObjectNode event = JsonNodeFactory.instance.objectNode();
        registry.eventTask("demo.version").orElseThrow().process(null, event, null, null);
        assertEquals("1.0", event.path("version").asText());
        List<String> problems = registry.problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("plugin jar " + plugins.resolve("corrupt.jar") + " cannot be loaded: it"
                + " is not a readable jar (ZipException: "), problems::toString);
        assertTrue(problems.get(1).startsWith("task library demo.Library (" + plugins.resolve("missing.jar")
                + ") cannot be loaded: java.lang.NoClassDefFoundError: demo/Helper"), problems::toString);
        assertTrue(problems.get(2).startsWith("task library demo.Library (" + plugins.resolve("throwing.jar")
                + ") cannot be loaded: java.lang.IllegalStateException: no licence server;"), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.endsWith("; the engines that need its tasks fail at their start,"
                + " the others run")), problems::toString);
        String throwing = assertThrows(IllegalArgumentException.class, () -> registry.eventTask("throwing.task"))
                .getMessage();
        assertEquals("event task 'throwing.task' cannot be used: " + problems.get(2).substring(0,
                problems.get(2).indexOf("; the engines")), throwing);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> registry.eventTask("missing.task"))
                .getMessage().contains("demo/Helper"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> registry.beatTask("anything"))
                .getMessage().startsWith("beat task 'anything' is not registered, and it may be in plugin jar "
                        + plugins.resolve("corrupt.jar") + " cannot be loaded"));
    }
}
