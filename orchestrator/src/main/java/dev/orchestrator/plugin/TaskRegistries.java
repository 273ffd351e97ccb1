package dev.orchestrator.plugin;

import dev.orchestrator.api.TaskLibrary;
import dev.orchestrator.config.Home;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
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
 * found by {@link ServiceLoader} on the classpath (the built-in engines), then those of each jar of the plugins
 * directory (default {@code <orchestrator.home>/plugins/}, which the build never touches), in name order, each jar
 * with a class loader of its own: two versions of a library side by side are both loaded, and the names the second
 * registers again are warnings naming both jars, not a silent choice. The jars are read when the registry is built,
 * that is when the daemon (or {@code launch}, {@code check}, {@code tasks}) starts.
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
     *         or registers a name twice
     */
    public static DefaultTaskRegistry discover(Path pluginsDir) {
        ClassLoader parent = TaskRegistries.class.getClassLoader();
        List<Path> jars = pluginJars(pluginsDir);
        List<ClassLoader> loaders = new ArrayList<>();
        for (Path jar : jars) {
            loaders.add(new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, parent));
        }
        DefaultTaskRegistry registry = new DefaultTaskRegistry(new PluginClassLoader(loaders, parent));
        registry.from(DefaultTaskRegistry.BUILT_IN);
        registry.registerEngineType(DynamicEngineType.NAME, new DynamicEngineType(registry));
        register(registry, parent, DefaultTaskRegistry.CLASS_PATH);
        for (int i = 0; i < jars.size(); i++) {
            register(registry, loaders.get(i), jars.get(i).toString());
        }
        return registry;
    }

    /**
     * Registers the libraries that {@code loader} itself defines (not its parent's), each as coming from its jar
     * (or {@code where} when the class has no location).
     */
    private static void register(DefaultTaskRegistry registry, ClassLoader loader, String where) {
        try {
            for (ServiceLoader.Provider<TaskLibrary> provider : ServiceLoader.load(TaskLibrary.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader).toList()) {
                String origin = location(provider.type(), where);
                registry.from(origin);
                TaskLibrary library = provider.get();
                try {
                    library.register(registry);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("task library " + library.getClass().getName() + " ("
                            + origin + "): " + e.getMessage(), e);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalStateException("cannot load a task library of " + where + ": " + e.getMessage(), e);
        }
    }

    private static String location(Class<?> type, String fallback) {
        var source = type.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? fallback
                    : Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return fallback;
        }
    }

    private static List<Path> pluginJars(Path pluginsDir) {
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list plugins directory " + pluginsDir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Finds a class in the plugin jars in order (for {@code -e com.example.MyEngineType}), after the classpath. */
    private static final class PluginClassLoader extends ClassLoader {
        private final List<ClassLoader> jars;

        PluginClassLoader(List<ClassLoader> jars, ClassLoader parent) {
            super("plugins", parent);
            this.jars = jars;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader jar : jars) {
                try {
                    return jar.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // not in this jar
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
