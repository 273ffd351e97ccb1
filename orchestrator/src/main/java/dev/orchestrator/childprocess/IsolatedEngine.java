package dev.orchestrator.childprocess;

import dev.orchestrator.config.LaunchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an engine run in a child JVM of its own ({@code isolation=process}): {@code orchestrator
 * launch} with the program's engine-launcher arguments, the daemon's configuration, its broker and its in-hand
 * journal (so that an event the child JVM dies with, even by {@code Runtime.halt}, is counted towards quarantine).
 */
public final class IsolatedEngine {

    private IsolatedEngine() { }

    /**
     * @param orchestrator the command that runs the CLI (then {@code launch} follows)
     * @param mainFile     the daemon's main configuration file ({@code [engine:NAME]} comes from beside it)
     * @param amqpUri      the daemon's broker
     * @param journal      the directory of the daemon's in-hand journal
     */
    public static List<String> command(List<String> orchestrator, Path mainFile, String amqpUri, Path journal,
                                       LaunchSpec launch) {
        List<String> argv = new ArrayList<>(orchestrator);
        argv.addAll(List.of("launch", "--config", mainFile.toString()));
        if (amqpUri != null) argv.addAll(List.of("--amqp-uri", amqpUri));
        argv.addAll(List.of("--journal", journal.toString()));
        argv.addAll(List.of("-e", launch.engineType(), "-n", launch.engineName(), "-w",
                String.valueOf(launch.worker()), "-l", launch.logLevel()));
        return argv;
    }
}
