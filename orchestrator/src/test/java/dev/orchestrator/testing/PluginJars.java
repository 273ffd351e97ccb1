package dev.orchestrator.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        return library(dir, jar, Map.of("Library", """
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
                """.formatted(version)), Set.of());
    }

    /**
     * Writes three broken jars in {@code plugins}: {@code corrupt.jar} (not a zip), {@code throwing.jar} (its library's
     * constructor throws; task {@code throwing.task}) and {@code missing.jar} (its library's initialiser needs a class
     * the jar does not have; task {@code missing.task}).
     */
    public static void broken(Path dir, Path plugins) throws IOException {
        Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip");
        library(dir, plugins.resolve("throwing.jar"), Map.of("Library", libraryWith("throwing.task",
                "public Library() { throw new IllegalStateException(\"no licence server\"); }")), Set.of());
        library(dir, plugins.resolve("missing.jar"), Map.of("Library", libraryWith("missing.task",
                "private static final Helper HELPER = new Helper();"), "Helper", "package demo; class Helper { }"),
                Set.of("Helper"));
    }

    private static String libraryWith(String task, String member) {
        return """
                package demo;

                import com.fasterxml.jackson.databind.node.ObjectNode;
                import dev.orchestrator.api.EngineContext;
                import dev.orchestrator.api.Task;
                import dev.orchestrator.api.TaskLibrary;
                import java.util.Map;
                import org.apache.logging.log4j.Logger;

                public final class Library implements TaskLibrary {
                    %s

                    @Task("%s")
                    public static ObjectNode task(EngineContext engine, ObjectNode event, Logger logger,
                            Map<String, String> params) {
                        return event;
                    }
                }
                """.formatted(member, task);
    }

    /**
     * Writes {@code jar}: the classes of package {@code demo} compiled from {@code sources} (simple class name ->
     * source), but those named in {@code leftOut} (a class the library needs and does not have), with the
     * ServiceLoader line naming {@code demo.Library}; {@code dir} holds the sources and classes.
     */
    public static Path library(Path dir, Path jar, Map<String, String> sources, Set<String> leftOut)
            throws IOException {
        byte[] built = BUILT.get(List.of(sources, leftOut));
        if (built == null) {
            compile(dir, jar, sources, leftOut);
            BUILT.put(List.of(sources, leftOut), Files.readAllBytes(jar));
        } else {
            Files.write(jar, built);
        }
        return jar;
    }

    /** Jars already compiled in this JVM (javac takes seconds): the same sources give the same bytes. */
    private static final Map<List<Object>, byte[]> BUILT = new ConcurrentHashMap<>();

    private static void compile(Path dir, Path jar, Map<String, String> sources, Set<String> leftOut)
            throws IOException {
        String name = jar.getFileName().toString();
        Path src = Files.createDirectories(dir.resolve("src-" + name + "/demo"));
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes-" + name).toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            args.add(Files.writeString(src.resolve(source.getKey() + ".java"), source.getValue()).toString());
        }
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plugin source of " + jar + " does not compile");
        }
        for (String left : leftOut) Files.delete(classes.resolve("demo/" + left + ".class"));
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
    }
}
