package dev.orchestrator.config;

import java.nio.file.Path;

/**
 * The installation directory: the {@code orchestrator.home} system property that bin/orchestrator sets, else the
 * current directory. Default paths (etc/supervisord.conf, logs/, run/) are under it.
 */
public final class Home {

    public static final String PROPERTY = "orchestrator.home";

    private Home() { }

    public static Path get() {
        String home = System.getProperty(PROPERTY);
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    /** {@code etc/supervisord.conf} of the installation. */
    public static Path defaultMainFile() {
        return get().resolve("etc").resolve("supervisord.conf");
    }
}
