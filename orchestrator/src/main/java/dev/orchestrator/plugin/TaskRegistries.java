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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Builds the task registry of a run: the built-in {@code dynamic} engine type, then every {@link TaskLibrary}
 * found by {@link ServiceLoader} on the classpath (the built-in engines), then those of each jar of the plugins
 * directory (default {@code <orchestrator.home>/plugins/}, which the build never touches), in name order, each jar
 * with a class loader of its own: two versions of a library side by side are both loaded, and the names the second
 * registers again are warnings naming both jars, not a silent choice. A jar that is not a zip, a library whose
 * constructor, initialiser or {@code register} throws, or that misses a class it needs, is a problem of the registry
 * ({@link DefaultTaskRegistry#cannotLoad}): only the engines that need its tasks fail. The jars are read when the
 * registry is built, that is when the daemon (or {@code launch}, {@code check}, {@code tasks}) starts.
 */
public final class TaskRegistries {

    private TaskRegistries() { }

    /** The default plugins directory: {@code plugins} under the installation ({@link Home}). */
    public static Path defaultPluginsDir() {
        return Home.get().resolve("plugins");
    }

    /**
     * Discovers every task library on the classpath and in the {@code *.jar} files of {@code pluginsDir}
     * (which may be missing or null: then the classpath only); what cannot be loaded is in the registry's
     * {@link DefaultTaskRegistry#problems() problems}.
     *
     * @throws IllegalStateException with a one-line message when the plugins directory cannot be listed
     */
    public static DefaultTaskRegistry discover(Path pluginsDir) {
        ClassLoader parent = TaskRegistries.class.getClassLoader();
        List<Path> jars = new ArrayList<>();
        Map<Path, String> unreadable = new LinkedHashMap<>();
        for (Path jar : pluginJars(pluginsDir)) {
            String why = unreadable(jar);
            if (why == null) {
                jars.add(jar);
            } else {
                unreadable.put(jar, why);
            }
        }
        List<ClassLoader> loaders = new ArrayList<>();
        for (Path jar : jars) {
            loaders.add(new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, parent));
        }
        DefaultTaskRegistry registry = new DefaultTaskRegistry(new PluginClassLoader(loaders, parent));
        unreadable.forEach((jar, why) -> registry.cannotLoad("plugin jar " + jar, why, null));
        registry.from(DefaultTaskRegistry.BUILT_IN);
        registry.registerEngineType(DynamicEngineType.NAME, new DynamicEngineType(registry));
        register(registry, parent, DefaultTaskRegistry.CLASS_PATH);
        for (int i = 0; i < jars.size(); i++) {
            register(registry, loaders.get(i), jars.get(i).toString());
        }
        return registry;
    }

    /** Why {@code jar} cannot be read as a jar (not a zip, unreadable), or null when it can. */
    private static String unreadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
            return null;
        } catch (IOException | SecurityException e) {
            return "it is not a readable jar (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Registers the libraries that {@code loader} itself defines (not its parent's), each as coming from its jar
     * (or {@code where} when the class has no location); one that cannot be loaded is a problem of the registry.
     */
    private static void register(DefaultTaskRegistry registry, ClassLoader loader, String where) {
        List<ServiceLoader.Provider<TaskLibrary>> providers;
        try {
            providers = ServiceLoader.load(TaskLibrary.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader).toList();
        } catch (ServiceConfigurationError | LinkageError e) {
            registry.cannotLoad("the task libraries of " + where, why(e), null);
            return;
        }
        for (ServiceLoader.Provider<TaskLibrary> provider : providers) {
            String origin = location(provider.type(), where);
            registry.from(origin);
            try {
                provider.get().register(registry);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                registry.cannotLoad("task library " + provider.type().getName() + " (" + origin + ")", why(e),
                        provider.type());
            }
        }
    }

    private static final int MAX_CAUSES = 16;

    /**
     * {@code e} and its causes on one line; ServiceLoader's "Provider X could not be instantiated" gives way to its
     * cause (what the constructor or initialiser threw).
     */
    private static String why(Throwable error) {
        Throwable e = error instanceof ServiceConfigurationError && error.getCause() != null ? error.getCause() : error;
        StringBuilder text = new StringBuilder(e instanceof ServiceConfigurationError ? e.getMessage() : e.toString());
        // a bounded walk: getCause() never answers the throwable itself, but a chain may loop through others
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && cause != e && depth++ < MAX_CAUSES; cause = cause.getCause()) {
            if (text.indexOf(cause.toString()) < 0) text.append(": ").append(cause);
        }
        return text.toString().replace('\n', ' ');
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
