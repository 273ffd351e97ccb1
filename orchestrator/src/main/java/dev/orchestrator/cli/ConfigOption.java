package dev.orchestrator.cli;

import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.config.Home;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code -c/--config FILE} option every command that reads the configuration shares (use it as a picocli
 * {@code @Mixin}): the file given, else {@code $ORCHESTRATOR_CONFIG}, else the installation's
 * {@code etc/supervisord.conf}.
 */
public final class ConfigOption {

    /** The environment variable naming the main file when {@code -c} is not given. */
    public static final String ENV = "ORCHESTRATOR_CONFIG";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The supervisord-style main configuration file (default: $" + ENV
                    + ", else etc/supervisord.conf of the installation).")
    Path file;

    /** The main file this command reads. */
    public Path mainFile() {
        return mainFile(System.getenv());
    }

    Path mainFile(Map<String, String> environment) {
        return mainFile(file, environment);
    }

    /** {@code file} if given, else {@code $ORCHESTRATOR_CONFIG} of {@code environment}, else the installation's. */
    static Path mainFile(Path file, Map<String, String> environment) {
        if (file != null) return file.toAbsolutePath().normalize();
        String env = environment.get(ENV);
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        return Home.defaultMainFile();
    }

    /** Reads the whole configuration; problems are inside, never thrown. */
    public Configuration load() {
        return ConfigLoader.load(mainFile());
    }
}
