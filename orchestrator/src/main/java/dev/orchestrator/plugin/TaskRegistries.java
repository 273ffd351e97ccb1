package dev.orchestrator.plugin;

import dev.orchestrator.api.TaskLibrary;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Builds the task registry of a run: the built-in {@code dynamic} engine type, then every {@link TaskLibrary}
 * found by {@link ServiceLoader} on the classpath and in the jars of the plugins directory (default
 * {@code <orchestrator.home>/engines/lib/}). Also gives the nearest known names of an unknown one, for messages.
 */
public final class TaskRegistries {

    private TaskRegistries() { }

    /** The default plugins directory: {@code <orchestrator.home>/engines/lib} (home defaults to the working directory). */
    public static Path defaultPluginsDir() {
        return Path.of(System.getProperty("orchestrator.home", ".")).resolve("engines").resolve("lib");
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

    /**
     * Up to three of {@code known} closest to {@code unknown}: those the unknown name is a dotted suffix of (or the
     * reverse) first, then by edit distance (within about a third of the name's length, or any distance when the
     * last dotted segment is the same), alphabetical among equals.
     */
    public static List<String> nearest(String unknown, Collection<String> known) {
        String target = unknown.toLowerCase(Locale.ROOT);
        String targetTail = target.substring(target.lastIndexOf('.') + 1);
        int limit = Math.max(2, target.length() / 3);
        return known.stream()
                .map(name -> candidate(name, target, targetTail))
                .filter(c -> c.distance <= limit || c.sameTail)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(3)
                .map(Candidate::name)
                .toList();
    }

    /**
     * A one-line "unknown KIND 'NAME' WHERE (nearest: a, b)" message, e.g.
     * {@code unknown task 'x.y' for event_processing of engine perfdata (nearest: x.z)}.
     */
    public static String unknownMessage(String kind, String name, String where, Collection<String> known) {
        List<String> near = nearest(name, known);
        return "unknown " + kind + " '" + name + "'" + (where == null || where.isEmpty() ? "" : " " + where)
                + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")");
    }

    private record Candidate(String name, int distance, boolean sameTail) { }

    private static Candidate candidate(String name, String target, String targetTail) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean sameTail = lower.substring(lower.lastIndexOf('.') + 1).equals(targetTail);
        boolean suffix = lower.endsWith("." + target) || target.endsWith("." + lower);
        return new Candidate(name, suffix ? 0 : editDistance(target, lower), sameTail);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
