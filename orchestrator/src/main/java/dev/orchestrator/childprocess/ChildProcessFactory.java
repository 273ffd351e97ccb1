package dev.orchestrator.childprocess;

import dev.orchestrator.config.ChildOptions;
import dev.orchestrator.config.Execution;
import dev.orchestrator.config.LaunchSpec;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.logging.ProcessLog;
import dev.orchestrator.logging.ProcessLogs;
import dev.orchestrator.supervision.SpawnException;
import dev.orchestrator.supervision.Worker;
import dev.orchestrator.supervision.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Spawns the child process of a process that runs as one ({@link Execution.Child}, {@link Execution.IsolatedJvm}),
 * as supervisord's {@code Subprocess._spawn_as_child} does: the command found on PATH, the program's directory,
 * environment (the daemon's, then {@code SUPERVISOR_*}, then the program's), umask and user, stdout and stderr
 * copied into the program's log files.
 *
 * <p>No child outlives the daemon: each one runs under {@code setsid} (its own session and process group, so a
 * stop or kill can reach its children with {@code stopasgroup}/{@code killasgroup}) and {@code setpriv --pdeathsig
 * KILL} (the kernel kills it when the thread that spawned it ends, even after a kill -9 of the daemon). Both are
 * util-linux tools that exec in place, so the pid supervised is the command's own. Spawns run on the supervisor
 * thread, which lives as long as the daemon.
 */
public final class ChildProcessFactory implements WorkerFactory {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final ProcessLogs logs;
    private final Function<LaunchSpec, List<String>> jvmCommand;

    /**
     * @param logs       where each process's output goes (its files opened by the supervisor); null discards it
     * @param jvmCommand the command line of {@code orchestrator launch} for an isolated engine
     */
    public ChildProcessFactory(ProcessLogs logs, Function<LaunchSpec, List<String>> jvmCommand) {
        this.logs = logs;
        this.jvmCommand = jvmCommand;
    }

    @Override
    public Worker create(ProcessConfig process) throws SpawnException {
        Execution execution = process.execution();
        List<String> argv;
        if (execution instanceof Execution.Child child) {
            argv = child.argv();
        } else if (execution instanceof Execution.IsolatedJvm jvm) {
            argv = jvmCommand.apply(jvm.launch());
        } else {
            throw new SpawnException("process " + process.name() + " does not run as a child process");
        }
        for (Path tool : List.of(SETSID, SETPRIV)) {
            if (!Files.isExecutable(tool)) throw new SpawnException("can't find " + tool + " (install util-linux)");
        }
        ChildOptions options = process.child() == null ? ChildOptions.defaults() : process.child();
        ProcessBuilder builder = new ProcessBuilder();
        Map<String, String> environment = builder.environment();
        environment.put("SUPERVISOR_ENABLED", "1");
        environment.put("SUPERVISOR_PROCESS_NAME", process.name());
        environment.put("SUPERVISOR_GROUP_NAME", process.group());
        environment.putAll(process.environment());
        Path program = CommandPath.resolve(argv.get(0), environment.get("PATH"));
        if (process.directory() != null) {
            Path directory = Path.of(process.directory());
            if (!Files.isDirectory(directory)) {
                throw new SpawnException("couldn't chdir to " + directory + ": ENOENT");
            }
            builder.directory(directory.toFile());
        }
        List<String> command = new ArrayList<>(List.of(SETSID.toString(), SETPRIV.toString(), "--pdeathsig", "KILL"));
        command.addAll(Identity.setprivOptions(options.user()));
        command.add("--");
        if (options.umask() != null) {
            command.addAll(List.of("/bin/sh", "-c", "umask " + Integer.toOctalString(options.umask()) + " && exec \"$@\"",
                    "sh"));
        }
        command.add(program.toString());
        command.addAll(argv.subList(1, argv.size()));
        builder.command(command);
        ProcessLog log = logs == null ? null : logs.log(process.namespec());
        if (process.redirectStderr()) builder.redirectErrorStream(true);
        else if (process.stderrLog() == null || process.stderrLog().isNone()) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        if (process.stdoutLog() == null || process.stdoutLog().isNone()) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new SpawnException("couldn't exec " + program + ": " + e.getMessage(), e);
        }
        OutputPump.start(child.getInputStream(), log, false, process.name());
        if (!process.redirectStderr()) OutputPump.start(child.getErrorStream(), log, true, process.name());
        return new ChildProcess(child, options);
    }
}
