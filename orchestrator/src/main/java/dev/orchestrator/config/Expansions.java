package dev.orchestrator.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The names {@code %(...)s} can use, by where an option is read (supervisord's availability rules): everywhere
 * {@code here} and {@code ENV_*}; in a program also {@code program_name}, {@code group_name},
 * {@code host_node_name}; in per-process options also {@code process_num}, {@code numprocs} and the program's
 * own {@code environment} as {@code ENV_*}.
 */
final class Expansions {

    private Expansions() { }

    /** {@code here} (the main file's directory) and {@code ENV_X} for every environment variable. */
    static Map<String, Object> base(Path here, Map<String, String> environment) {
        Map<String, Object> names = new HashMap<>();
        names.put("here", here.toString());
        putEnvironment(names, environment);
        return names;
    }

    /** A copy of {@code names} with {@code more} added (key, value, key, value...). */
    static Map<String, Object> with(Map<String, Object> names, Object... more) {
        Map<String, Object> copy = new HashMap<>(names);
        for (int i = 0; i < more.length; i += 2) copy.put((String) more[i], more[i + 1]);
        return copy;
    }

    /** A copy of {@code names} with {@code ENV_K} for each {@code K=V} of {@code environment}. */
    static Map<String, Object> withEnvironment(Map<String, Object> names, Map<String, String> environment) {
        Map<String, Object> copy = new HashMap<>(names);
        putEnvironment(copy, environment);
        return copy;
    }

    private static void putEnvironment(Map<String, Object> names, Map<String, String> environment) {
        for (Map.Entry<String, String> e : environment.entrySet()) names.put("ENV_" + e.getKey(), e.getValue());
    }

    /** A path as written in the configuration: {@code ~} expanded ({@link #expandUser}), relative to {@code here}. */
    static Path resolve(Path here, String path, Map<String, Object> names) {
        return here.resolve(expandUser(path, names)).normalize();
    }

    /** {@code ~} and {@code ~/x} as Python's {@code os.path.expanduser}: {@code $HOME} (from the names), else user.home. */
    private static String expandUser(String path, Map<String, Object> names) {
        if (!path.equals("~") && !path.startsWith("~/")) return path;
        Object home = names.get("ENV_HOME");
        return (home == null ? System.getProperty("user.home") : home.toString()) + path.substring(1);
    }

    private static final String HOST_NODE_NAME = nodeName();

    /** Python's {@code platform.node()}: the kernel's node name. */
    static String hostNodeName() {
        return HOST_NODE_NAME;
    }

    private static String nodeName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                return "localhost";
            }
        }
    }
}
