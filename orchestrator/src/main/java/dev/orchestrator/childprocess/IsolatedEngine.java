package dev.orchestrator.childprocess;

import dev.orchestrator.config.LaunchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an engine run in a child JVM of its own ({@code isolation=process}): {@code orchestrator
 * launch} with the program's engine-launcher arguments, the daemon's configuration and its broker.
 */
public final class IsolatedEngine {

    private IsolatedEngine() { }

    /**
     * @param orchestrator the command that runs the CLI (then {@code launch} follows)
     * @param mainFile     the daemon's main configuration file ({@code [engine:NAME]} comes from beside it)
     * @param amqpUri      the daemon's broker
     */
    public static List<String> command(List<String> orchestrator, Path mainFile, String amqpUri, LaunchSpec launch) {
        List<String> argv = new ArrayList<>(orchestrator);
        argv.addAll(List.of("launch", "--config", mainFile.toString()));
        if (amqpUri != null) argv.addAll(List.of("--amqp-uri", amqpUri));
        argv.addAll(List.of("-e", launch.engineType(), "-n", launch.engineName(), "-w",
                String.valueOf(launch.worker()), "-l", launch.logLevel()));
        return argv;
    }
}
