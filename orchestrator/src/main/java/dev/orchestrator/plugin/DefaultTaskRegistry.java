package dev.orchestrator.plugin;

import dev.orchestrator.api.BeatTask;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EngineType;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.Task;
import dev.orchestrator.api.TaskRegistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Logger;

/**
 * The task registry: event tasks, beat tasks and engine types by name, each kind its own namespace. Registering a
 * name twice is an error (Canopsis' {@code TaskError}), unless it comes from another origin (another plugin jar):
 * then the first stays and a warning says so. Filled once at discovery, then read by any thread.
 *
 * <p>An engine type may also be named by the fully qualified name of a class implementing {@link EngineType}
 * with a public no-argument constructor ({@code -e com.example.MyEngineType}); it is loaded with the registry's
 * class loader (which sees the plugin jars) on first use and cached. Such a class that is found but cannot serve
 * is an error with its cause, never reported as an unknown engine type.
 *
 * <p>A library or jar that cannot be loaded ({@link #cannotLoad}) is a {@link #problems() problem}, not the end of
 * the registry: the names of its {@link Task} methods, when its class can be read, are unusable with the reason, and
 * when a jar cannot be read at all every unknown task name may be one of its own. Looking such a name up throws
 * {@link IllegalArgumentException} with the reason, so the engines that need it fail at their start saying why and
 * every other engine runs.
 */
public final class DefaultTaskRegistry implements TaskRegistry {

    /** The origin of the registry's own {@code dynamic} engine type. */
    public static final String BUILT_IN = "built-in";
    /** The origin of what has no location (a registry filled in code). */
    public static final String CLASS_PATH = "class path";
    public static final String EVENT_TASK = "event task";
    public static final String BEAT_TASK = "beat task";
    public static final String ENGINE_TYPE = "engine type";

    private static final MethodType EVENT_SIGNATURE =
            MethodType.methodType(ObjectNode.class, EngineContext.class, ObjectNode.class, Logger.class, Map.class);
    private static final MethodType BEAT_SIGNATURE =
            MethodType.methodType(void.class, EngineContext.class, Logger.class, Map.class);

    private final Map<String, EventTask> eventTasks = new ConcurrentHashMap<>();
    private final Map<String, BeatTask> beatTasks = new ConcurrentHashMap<>();
    private final Map<String, EngineType> engineTypes = new ConcurrentHashMap<>();
    private final Map<String, EngineType> engineTypeClasses = new ConcurrentHashMap<>();
    private final Map<String, String> origins = new ConcurrentHashMap<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** Kind:name of a task of a library that could not be loaded -> why. */
    private final Map<String, String> unusable = new ConcurrentHashMap<>();
    /** What could not be loaded without knowing the names it held (a jar that is not a zip). */
    private final List<String> unknownContents = new CopyOnWriteArrayList<>();
    private final ClassLoader classLoader;
    private volatile String origin = CLASS_PATH;

    /** An empty registry resolving engine type class names with {@code classLoader}. */
    public DefaultTaskRegistry(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** An empty registry resolving class names with this class's loader. */
    public DefaultTaskRegistry() {
        this(DefaultTaskRegistry.class.getClassLoader());
    }

    @Override
    public void register(String name, EventTask task) {
        put(eventTasks, EVENT_TASK, name, task);
    }

    @Override
    public void register(String name, BeatTask task) {
        put(beatTasks, BEAT_TASK, name, task);
    }

    @Override
    public void registerEngineType(String name, EngineType type) {
        put(engineTypes, ENGINE_TYPE, name, type);
    }

    @Override
    public void registerAnnotated(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            Task annotation = method.getAnnotation(Task.class);
            if (annotation != null) {
                registerMethod(method, annotation.value().isEmpty()
                        ? type.getName() + "." + method.getName() : annotation.value());
            }
        }
    }

    private void registerMethod(Method method, String name) {
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("@Task method " + where + " must be static");
        }
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("@Task method " + where + " is not accessible: " + e.getMessage(), e);
        }
        if (handle.type().equals(EVENT_SIGNATURE)) {
            register(name, new MethodEventTask(handle, where));
        } else if (handle.type().equals(BEAT_SIGNATURE)) {
            register(name, new MethodBeatTask(handle, where));
        } else {
            throw new IllegalArgumentException("@Task method " + where + " has neither the EventTask signature"
                    + " (EngineContext, ObjectNode, Logger, Map) -> ObjectNode nor the BeatTask one"
                    + " (EngineContext, Logger, Map) -> void");
        }
    }

    @Override
    public Optional<EventTask> eventTask(String name) {
        return lookUp(eventTasks, EVENT_TASK, name);
    }

    @Override
    public Optional<BeatTask> beatTask(String name) {
        return lookUp(beatTasks, BEAT_TASK, name);
    }

    private <T> Optional<T> lookUp(Map<String, T> map, String kind, String name) {
        if (name == null) return Optional.empty();
        T found = map.get(name);
        if (found != null) return Optional.of(found);
        String why = unusable.get(kind + ":" + name);
        if (why != null) throw new IllegalArgumentException(kind + " '" + name + "' cannot be used: " + why);
        if (!unknownContents.isEmpty()) {
            throw new IllegalArgumentException(kind + " '" + name + "' is not registered, and it may be in "
                    + String.join("; ", unknownContents));
        }
        return Optional.empty();
    }

    /**
     * {@code what} (a jar, a task library) could not be loaded because of {@code why}: a problem, and the tasks of
     * {@code library} (its {@link Task} methods, when it can be read; null when unknown) unusable with the reason.
     */
    public void cannotLoad(String what, String why, Class<?> library) {
        String reason = what + " cannot be loaded: " + why;
        problems.add(reason + "; the engines that need its tasks fail at their start, the others run");
        List<Method> methods;
        try {
            methods = library == null ? List.of() : List.of(library.getDeclaredMethods());
        } catch (LinkageError e) {
            methods = List.of();
        }
        List<Method> tasks = methods.stream().filter(m -> m.isAnnotationPresent(Task.class)).toList();
        if (tasks.isEmpty()) unknownContents.add(reason);
        for (Method m : tasks) {
            String value = m.getAnnotation(Task.class).value();
            String kind = m.getParameterCount() == BEAT_SIGNATURE.parameterCount() ? BEAT_TASK : EVENT_TASK;
            unusable.putIfAbsent(kind + ":" + (value.isEmpty() ? library.getName() + "." + m.getName() : value),
                    reason);
        }
    }

    /** The jars and libraries that could not be loaded, one line each naming it and why. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Optional<EngineType> engineType(String name) {
        if (name == null) {
            return Optional.empty();
        }
        EngineType registered = engineTypes.get(name);
        if (registered != null || name.indexOf('.') < 0) {
            return Optional.ofNullable(registered);
        }
        EngineType module = ModulePath.engineType(name).map(engineTypes::get).orElse(null);
        if (module != null) {
            return Optional.of(module);
        }
        return Optional.ofNullable(engineTypeClasses.computeIfAbsent(name, this::loadEngineTypeClass));
    }

    /**
     * The engine type class {@code className}; null when there is no such class. A class that is there but cannot
     * serve (not an EngineType, no public no-argument constructor, an initialiser or constructor that throws, a
     * class it needs missing) is an IllegalArgumentException saying why, with the cause.
     */
    private EngineType loadEngineTypeClass(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            throw cannotUse(className, "it cannot be loaded", e);
        }
        if (!EngineType.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("engine type class " + className + " does not implement "
                    + EngineType.class.getName());
        }
        try {
            return (EngineType) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw cannotUse(className, "it has no public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw cannotUse(className, "its constructor threw", e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw cannotUse(className, "its static initialiser threw", e.getCause());
        } catch (InstantiationException | LinkageError e) {
            throw cannotUse(className, "it cannot be created", e);
        }
    }

    private static IllegalArgumentException cannotUse(String className, String why, Throwable cause) {
        return new IllegalArgumentException("engine type class " + className + " cannot be used: " + why
                + (cause == null ? "" : ": " + cause), cause);
    }

    @Override
    public SortedSet<String> eventTaskNames() {
        return sortedNames(eventTasks);
    }

    @Override
    public SortedSet<String> beatTaskNames() {
        return sortedNames(beatTasks);
    }

    @Override
    public SortedSet<String> engineTypeNames() {
        return sortedNames(engineTypes);
    }

    private static SortedSet<String> sortedNames(Map<String, ?> map) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(map.keySet()));
    }

    /** Where what is registered next comes from: the path of its jar (or class directory), or {@link #BUILT_IN}. */
    public void from(String nextOrigin) {
        this.origin = nextOrigin;
    }

    /** Where the {@code kind} ({@link #EVENT_TASK}, {@link #BEAT_TASK}, {@link #ENGINE_TYPE}) {@code name} came from. */
    public String origin(String kind, String name) {
        return origins.get(kind + ":" + name);
    }

    /** The names a second origin registered again (two versions of a plugin jar): kept from the first, said here. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Everything the registry warns of, one line each: its {@link #problems()}, then its {@link #warnings()}. */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(warnings);
        return List.copyOf(all);
    }

    /**
     * Registers {@code value}; the same name twice from one origin is an error (Canopsis' {@code TaskError}), from
     * another origin a warning, the first kept.
     */
    private <T> void put(Map<String, T> map, String kind, String name, T value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(kind + " name must not be empty");
        }
        if (value == null) {
            throw new IllegalArgumentException(kind + " '" + name + "' is null");
        }
        String from = origin;
        if (map.putIfAbsent(name, value) == null) {
            origins.put(kind + ":" + name, from);
            return;
        }
        String first = origin(kind, name);
        if (from.equals(first)) {
            throw new IllegalStateException(kind + " '" + name + "' is already registered");
        }
        warnings.add(kind + " '" + name + "' of " + from + " ignored: already registered by " + first);
    }

    /** What a task method threw, as the task interfaces declare it: exceptions as they are, errors rethrown. */
    private static Exception asException(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return thrown instanceof Exception exception ? exception : new IllegalStateException(thrown);
    }

    /** An {@link EventTask} calling a {@link Task}-annotated static method. */
    private record MethodEventTask(MethodHandle handle, String where) implements EventTask {
        @Override
        public ObjectNode process(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params)
                throws Exception {
            try {
                return (ObjectNode) handle.invokeExact(engine, event, logger, params);
            } catch (Throwable t) {
                throw asException(t);
            }
        }

        @Override
        public String toString() { return where; }
    }

    /** A {@link BeatTask} calling a {@link Task}-annotated static method. */
    private record MethodBeatTask(MethodHandle handle, String where) implements BeatTask {
        @Override
        public void beat(EngineContext engine, Logger logger, Map<String, String> params) throws Exception {
            try {
                handle.invokeExact(engine, logger, params);
            } catch (Throwable t) {
                throw asException(t);
            }
        }

        @Override
        public String toString() { return where; }
    }
}
