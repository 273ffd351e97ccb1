package dev.orchestrator.plugin;

import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.config.Home;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Builds the task registry of a run: the built-in {@code dynamic} engine type, then every {@link TaskLibrary}
 * found by {@link ServiceLoader} on the classpath (the built-in engines) and in the jars of the plugins directory
 * (default {@code <orchestrator.home>/plugins/}, which the build never touches).
 */
public final class TaskRegistries {

    private TaskRegistries() { }

    /** The default plugins directory: {@code plugins} under the installation ({@link Home}). */
    public static Path defaultPluginsDir() {
        return Home.get().resolve("plugins");
    }

    /**
     * Discovers every task library on the classpath and in the {@code *.jar} files of {@code pluginsDir}
     * (which may be missing or null: then the classpath only).
     *
     * @throws IllegalStateException with a one-line message naming the library when a library cannot be loaded
     *         or registers a name that is already taken
     */
    public static DefaultTaskRegistry discover(Path pluginsDir) {
        ClassLoader loader = pluginLoader(pluginsDir);
        DefaultTaskRegistry registry = new DefaultTaskRegistry(loader);
        registry.registerEngineType(DynamicEngineType.NAME, new DynamicEngineType(registry));
        ServiceLoader<TaskLibrary> libraries = ServiceLoader.load(TaskLibrary.class, loader);
        try {
            for (TaskLibrary library : libraries) {
                try {
                    library.register(registry);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("task library " + library.getClass().getName() + " ("
                            + origin(library.getClass()) + "): " + e.getMessage(), e);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a task library: " + e.getMessage(), e);
        }
        return registry;
    }

    private static ClassLoader pluginLoader(Path pluginsDir) {
        ClassLoader parent = TaskRegistries.class.getClassLoader();
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(pluginsDir)) {
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                jars.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list plugins directory " + pluginsDir + ": " + e.getMessage(), e);
        }
        return jars.isEmpty() ? parent : new URLClassLoader("plugins", jars.toArray(URL[]::new), parent);
    }

    private static String origin(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "classpath" : source.getLocation().toString();
    }
}
