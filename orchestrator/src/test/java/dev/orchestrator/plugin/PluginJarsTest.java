package dev.orchestrator.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

}
