package dev.orchestrator.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Plugin jars as a user builds them: a task library compiled against the API, with its ServiceLoader line. */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code jar}: one task library, {@code demo.Library}, whose task {@code demo.version} stamps
     * {@code version} into the event; {@code dir} holds the sources and classes.
     */
    public static Path write(Path dir, Path jar, String version) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + version + "/demo"));
        Files.writeString(src.resolve("Library.java"), """
                package demo;

                import com.fasterxml.jackson.databind.node.ObjectNode;
                import dev.orchestrator.api.EngineContext;
                import dev.orchestrator.api.Task;
                import dev.orchestrator.api.TaskLibrary;
                import java.util.Map;
                import org.apache.logging.log4j.Logger;

                public final class Library implements TaskLibrary {
                    @Task("demo.version")
                    public static ObjectNode version(EngineContext engine, ObjectNode event, Logger logger,
                            Map<String, String> params) {
                        return event.put("version", "%s");
                    }
                }
                """.formatted(version));
        Path classes = Files.createDirectories(dir.resolve("classes-" + version));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("Library.java").toString());
        if (compiled != 0) {
            throw new IllegalStateException("the plugin source of " + jar + " does not compile");
        }
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.orchestrator.api.TaskLibrary"), "demo.Library\n");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
