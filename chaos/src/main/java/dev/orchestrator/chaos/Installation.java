package dev.orchestrator.chaos;

import dev.orchestrator.chaos.tasks.ChaosTasks;
import dev.orchestrator.runtime.ErrorQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration tree of one daemon under test, written in Canopsis' layout: {@code etc/supervisord.conf} (socket,
 * pidfile and logs in the installation's run/ and logs/), {@code etc/programs.conf} (group {@value #GROUP}: one
 * program per engine, {@code numprocs} workers each) and {@code etc/amqp2engines.conf}: a chain of dynamic engines
 * running {@link ChaosTasks#CHECK}, the first bound to {@code canopsis.events} with {@code #}, the last with
 * {@code next=}{@value #SINK} (a queue no program consumes: the end of the chain, counted by the {@link
 * dev.orchestrator.chaos.stream.Tally}). The broker is given on the daemon's command line.
 */
public final class Installation {

    public static final String GROUP = "chain";
    public static final String SINK = "chaos_sink";

    private final Path root;
    private final List<String> engines;
    private final int workers;
    private int stopwaitsecs = 10;
    private int prefetch = 200;
    private boolean quorum;
    private int maxRetries = 5;
    private final List<String> extraPrograms = new ArrayList<>();

    /** A chain of {@code engines} (names), each with {@code workers} workers, under {@code root}. */
    public Installation(Path root, List<String> engines, int workers) {
        this.root = root;
        this.engines = List.copyOf(engines);
        this.workers = workers;
    }

    public Installation stopwaitsecs(int seconds) {
        this.stopwaitsecs = seconds;
        return this;
    }

    public Installation prefetch(int prefetch) {
        this.prefetch = prefetch;
        return this;
    }

    public Installation maxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    /** Every engine's queue (and the sink's) a quorum queue ({@code queue_type=quorum}). */
    public Installation quorum() {
        this.quorum = true;
        return this;
    }

    /** Adds a program running engine type {@link ChaosTasks#FAILING}, not started with the others. */
    public Installation failingProgram(String name, int startretries) {
        extraPrograms.add("[program:" + name + "]\ncommand=engine-launcher -e " + ChaosTasks.FAILING + " -n " + name
                + " -w 0 -l info\nautostart=false\nstartsecs=1\nstartretries=" + startretries + "\n");
        return this;
    }

    public boolean isQuorum() { return quorum; }

    public Path root() { return root; }

    public Path mainFile() { return root.resolve("etc/supervisord.conf"); }

    public Path socket() { return root.resolve("run/orchestrator.sock"); }

    public Path mainLog() { return root.resolve("logs/orchestrator.log"); }

    public List<String> engines() { return engines; }

    public int workers() { return workers; }

    /** The queues where the engines put what they could not process. */
    public List<String> errorQueues() {
        return engines.stream().map(ErrorQueue::of).toList();
    }

    /** {@code chain:engine-NAME-N}: the namespec of worker {@code n} of engine {@code name}. */
    public static String process(String engine, int n) {
        return GROUP + ":engine-" + engine + "-" + n;
    }

    /** Writes the tree; returns this. */
    public Installation write() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("run"));
        Files.writeString(mainFile(), """
                [unix_http_server]
                file=%(here)s/../run/orchestrator.sock
                [supervisord]
                logfile=%(here)s/../logs/orchestrator.log
                pidfile=%(here)s/../run/orchestrator.pid
                childlogdir=%(here)s/../logs
                [include]
                files=programs.conf
                """);
        StringBuilder programs = new StringBuilder("[group:" + GROUP + "]\nprograms=");
        programs.append(String.join(",", engines.stream().map(e -> "engine-" + e).toList()));
        for (String extra : extraPrograms) programs.append(',').append(extra, 9, extra.indexOf(']'));
        programs.append("\n\n");
        for (String engine : engines) {
            programs.append("[program:engine-").append(engine).append("]\n")
                    .append("command=engine-launcher -e dynamic -n ").append(engine)
                    .append(" -w %(process_num)d -l info\n")
                    .append("numprocs=").append(workers).append('\n')
                    .append("process_name=%(program_name)s-%(process_num)d\n")
                    .append("stopwaitsecs=").append(stopwaitsecs).append('\n')
                    .append("stdout_logfile=%(here)s/../logs/").append(engine).append(".log\n")
                    .append("stderr_logfile=%(here)s/../logs/").append(engine).append(".log\n\n");
        }
        extraPrograms.forEach(p -> programs.append(p).append('\n'));
        Files.writeString(root.resolve("etc/programs.conf"), programs);
        StringBuilder sections = new StringBuilder();
        for (int i = 0; i < engines.size(); i++) {
            sections.append("[engine:").append(engines.get(i)).append("]\n");
            if (i == 0) sections.append("exchange_name=canopsis.events\nrouting_keys=#\n");
            sections.append("next=").append(i + 1 < engines.size() ? engines.get(i + 1) : SINK).append('\n')
                    .append("event_processing=").append(ChaosTasks.CHECK).append('\n')
                    .append("prefetch=").append(prefetch).append('\n')
                    .append("max_retries=").append(maxRetries).append('\n')
                    .append(quorum ? "queue_type=quorum\n" : "").append('\n');
        }
        sections.append("[engine:").append(SINK).append("]\n").append(quorum ? "queue_type=quorum\n" : "");
        Files.writeString(root.resolve("etc/amqp2engines.conf"), sections);
        return this;
    }
}
