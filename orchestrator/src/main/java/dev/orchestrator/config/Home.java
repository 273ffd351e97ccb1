package dev.orchestrator.config;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installation directory: the {@code orchestrator.home} system property that bin/orchestrator sets, else the
 * current directory. Default paths (etc/supervisord.conf, logs/, run/) are under it.
 */
public final class Home {

    public static final String PROPERTY = "orchestrator.home";
    /** The path of bin/orchestrator, which it passes to the JVM it runs. */
    public static final String LAUNCHER_PROPERTY = "orchestrator.launcher";
    /** The CLI's entry point. */
    public static final String CLI_MAIN = "dev.orchestrator.cli.Main";

    private Home() { }

    public static Path get() {
        String home = System.getProperty(PROPERTY);
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    /** {@code etc/supervisord.conf} of the installation. */
    public static Path defaultMainFile() {
        return get().resolve("etc").resolve("supervisord.conf");
    }

    /**
     * The command that runs this orchestrator's CLI again (a subcommand follows): bin/orchestrator when this JVM
     * runs through it, else this JVM's java with its home and class path.
     */
    public static List<String> command() {
        List<String> cmd = new ArrayList<>();
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && new File(launcher).canExecute()) {
            cmd.add(launcher);
            return cmd;
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String home = System.getProperty(PROPERTY);
        if (home != null) cmd.add("-D" + PROPERTY + "=" + home);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CLI_MAIN);
        return cmd;
    }
}
