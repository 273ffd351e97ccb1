package dev.orchestrator.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real supervisord (Debian's supervisor package) on a Unix socket in a directory of its own, running idle
 * programs ({@code sleep}) for the side-by-side of {@code supervisorctl status} and {@code orchestrator status} over
 * as many processes, or Python engines for the side-by-side of their memory with the daemon's.
 */
final class Supervisord implements AutoCloseable {

    private final Path config;
    private final Process process;

    private Supervisord(Path config, Process process) {
        this.config = config;
        this.process = process;
    }

    /** Whether supervisord and supervisorctl are on the PATH. */
    static boolean installed() {
        return onPath("supervisord") && onPath("supervisorctl");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** A {@code [program:name]} of {@code numprocs} processes; {@code %(process_num)d} in the command is expanded. */
    record Program(String name, List<String> command, int numprocs) { }

    /** Starts supervisord in the foreground with {@code processes} sleepers under {@code dir}; returns once all run. */
    static Supervisord start(Path dir, int processes) throws IOException, InterruptedException {
        return start(dir, List.of(new Program("sleeper", List.of("sleep", "100000"), processes)));
    }

    /** Starts supervisord in the foreground with {@code programs} under {@code dir}; returns once all processes run. */
    static Supervisord start(Path dir, List<Program> programs) throws IOException, InterruptedException {
        Path config = dir.resolve("supervisord.conf");
        List<String> lines = new ArrayList<>(List.of(
                "[unix_http_server]", "file=" + dir.resolve("supervisor.sock"),
                "[supervisord]", "logfile=" + dir.resolve("supervisord.log"),
                "pidfile=" + dir.resolve("supervisord.pid"),
                "childlogdir=" + dir,
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[supervisorctl]", "serverurl=unix://" + dir.resolve("supervisor.sock")));
        for (Program program : programs) {
            lines.addAll(List.of("[program:" + program.name() + "]", "command=" + String.join(" ", program.command()),
                    "numprocs=" + program.numprocs(), "process_name=%(program_name)s-%(process_num)d", "startsecs=0",
                    "stdout_logfile=" + dir.resolve(program.name() + "-%(process_num)d.log"), "redirect_stderr=true"));
        }
        lines.add("");
        Files.writeString(config, String.join("\n", lines));
        int processes = programs.stream().mapToInt(Program::numprocs).sum();
        Process process = new ProcessBuilder("supervisord", "-n", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("supervisord.out").toFile()).start();
        Supervisord supervisord = new Supervisord(config, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (supervisord.status().output().lines().filter(l -> l.contains(" RUNNING ")).count() < processes) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                supervisord.close();
                throw new IOException("supervisord did not run its " + processes + " programs; see " + dir);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return supervisord;
    }

    /** supervisord's own process id. */
    long pid() { return process.pid(); }

    /** The process ids of the programs supervisord runs (its children: it execs each command without a shell). */
    List<Long> programPids() {
        return process.toHandle().children().map(ProcessHandle::pid).toList();
    }

    /** One {@code supervisorctl status}: wall and CPU time as for the orchestrator's CLI. */
    Daemon.CliRun status() throws IOException, InterruptedException {
        return Daemon.run(List.of("supervisorctl", "-c", config.toString(), "status"), Map.of());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
