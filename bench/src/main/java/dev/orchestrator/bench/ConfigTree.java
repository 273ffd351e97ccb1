package dev.orchestrator.bench;

import dev.orchestrator.config.EngineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration tree for one benchmark daemon, in Canopsis' split layout: {@code etc/supervisord.conf} (control
 * socket, main log and pid file under the tree), one {@code etc/engines/NAME.ini} per program, the
 * {@code [engine:]} sections in {@code etc/amqp2engines.conf} and the broker in {@code etc/amqp.conf}. Every engine
 * is a {@code dynamic} engine without tasks named, so it runs the identity task. Programs do not autostart: the
 * benchmark starts them with {@code orchestrator start --all}, which it times.
 */
final class ConfigTree {

    /** The exchange and routing key the producer publishes to; the first engine of a chain is bound to them. */
    static final String EVENTS_EXCHANGE = "canopsis.events";
    static final String ROUTING_KEY = "bench.event";

    /** The engine after the last one of a chain: a section without a program, whose queue the sink consumes. */
    static final String SINK = "sink";

    /** One engine: its name, workers, the engines it forwards to, and whether it takes the producer's events. */
    record Engine(String name, int workers, List<String> next, boolean entry) { }

    private ConfigTree() { }

    /** {@code hops} engines {@code hop1 -> hop2 -> ... -> sink}, one worker each. */
    static List<Engine> chain(int hops) {
        List<Engine> engines = new ArrayList<>();
        for (int i = 1; i <= hops; i++) {
            engines.add(new Engine("hop" + i, 1, List.of(i == hops ? SINK : "hop" + (i + 1)), i == 1));
        }
        return engines;
    }

    /** One engine taking the producer's events into the sink, with {@code workers} workers. */
    static List<Engine> scaled(int workers) {
        return List.of(new Engine("scaled", workers, List.of(SINK), true));
    }

    /** The engine that drains a preloaded queue into the sink, one worker. */
    static List<Engine> drain() {
        return List.of(new Engine("drain", 1, List.of(SINK), true));
    }

    /** {@code count} engines of {@code workers} workers each, every one taking all the producer's events into the sink. */
    static List<Engine> fed(int count, int workers) {
        List<Engine> engines = new ArrayList<>();
        for (int i = 1; i <= count; i++) engines.add(new Engine(String.format("fed%02d", i), workers, List.of(SINK), true));
        return engines;
    }

    /** {@code count} engines of {@code workers} workers each that nobody feeds (idle). */
    static List<Engine> idle(int count, int workers) {
        List<Engine> engines = new ArrayList<>();
        for (int i = 1; i <= count; i++) engines.add(new Engine(String.format("idle%02d", i), workers, List.of(), false));
        return engines;
    }

    /** Writes the tree under {@code dir} (engines with {@code prefetch} when it is not their default) and returns its main file. */
    static Path write(Path dir, List<Engine> engines, BrokerAddress broker, int startsecs, int prefetch) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path programs = Files.createDirectories(etc.resolve("engines"));
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("logs"));
        Path main = etc.resolve("supervisord.conf");
        write(main, """
                [unix_http_server]
                file=%(here)s/../run/orchestrator.sock

                [supervisorctl]
                serverurl=unix://%(here)s/../run/orchestrator.sock

                [supervisord]
                logfile=%(here)s/../logs/orchestrator.log
                loglevel=info
                pidfile=%(here)s/../run/orchestrator.pid
                childlogdir=%(here)s/../logs

                [include]
                files=engines/*.ini
                """);
        StringBuilder sections = new StringBuilder();
        boolean sink = false;
        for (Engine engine : engines) {
            write(programs.resolve(engine.name() + ".ini"), program(engine, startsecs));
            sections.append("[engine:").append(engine.name()).append("]\n");
            if (prefetch != EngineConfig.DEFAULT_PREFETCH) sections.append("prefetch=").append(prefetch).append('\n');
            if (!engine.next().isEmpty()) sections.append("next=").append(String.join(",", engine.next())).append('\n');
            if (engine.entry()) {
                sections.append("exchange_name=").append(EVENTS_EXCHANGE).append('\n')
                        .append("routing_keys=").append(ROUTING_KEY).append('\n');
            }
            sections.append('\n');
            sink |= engine.next().contains(SINK);
        }
        if (sink) sections.append("[engine:").append(SINK).append("]\n");
        write(etc.resolve("amqp2engines.conf"), sections.toString());
        write(etc.resolve("amqp.conf"), "[master]\nhost=" + broker.host() + "\nport=" + broker.port()
                + "\nuserid=" + broker.user() + "\npassword=" + broker.password() + "\nvirtual_host=" + broker.virtualHost()
                + "\nexchange_name=canopsis\n");
        return main;
    }

    private static String program(Engine engine, int startsecs) {
        return "[program:engine-" + engine.name() + "]\n"
                + "command=engine-launcher -e dynamic -n " + engine.name() + " -w %(process_num)d -l info\n"
                + "numprocs=" + engine.workers() + "\n"
                + "process_name=%(program_name)s-%(process_num)d\n"
                + "autostart=false\n"
                + "startsecs=" + startsecs + "\n"
                + "stdout_logfile=%(here)s/../../logs/" + engine.name() + ".log\n"
                + "redirect_stderr=true\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
