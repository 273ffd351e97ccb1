package dev.orchestrator.testing;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.daemon.Daemon;
import dev.orchestrator.plugin.TaskRegistries;
import dev.orchestrator.runtime.EngineWorkerFactory;
import dev.orchestrator.supervision.ProcessState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real daemon in this JVM on a small chain of {@code dynamic} (identity) engines, {@code alpha} (2 workers) ->
 * {@code beta} (1 worker), against a test broker; {@link #publish} feeds alpha's queue (persistent, confirmed).
 * {@code extraMain} is appended to the main file (e.g. an {@code [inet_http_server]} section).
 */
public final class PipelineDaemon implements AutoCloseable {

    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";

    private final Path dir;
    private final Daemon daemon;
    private final Connection connection;

    private PipelineDaemon(Path dir, Daemon daemon, Connection connection) {
        this.dir = dir;
        this.daemon = daemon;
        this.connection = connection;
    }

    /** Writes the configuration under {@code dir}, starts the daemon and waits until every worker is RUNNING. */
    public static PipelineDaemon start(Path dir, String amqpUri, String extraMain) throws Exception {
        Path main = mainFile(dir, extraMain);
        Configuration configuration = ConfigLoader.load(main, Map.of(), dir);
        if (configuration.hasErrors()) throw new IllegalStateException(configuration.problems().toString());
        Daemon daemon = Daemon.start(configuration, new Daemon.Options(amqpUri, 0, false), (current, amqp) ->
                new EngineWorkerFactory(() -> current.get().engines(), amqp, TaskRegistries.discover(null)));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.supervisor().allProcessInfo().stream()
                    .allMatch(p -> p.state() == ProcessState.RUNNING));
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(amqpUri);
            return new PipelineDaemon(dir, daemon, factory.newConnection("pipeline-daemon-test"));
        } catch (Exception | AssertionError e) {
            daemon.close();
            throw e;
        }
    }

    /** The main file: the chain, logs and socket under {@code dir}. */
    public static Path mainFile(Path dir, String extraMain) throws java.io.IOException {
        Path file = dir.resolve("supervisord.conf");
        Files.writeString(file, String.join("\n",
                "[unix_http_server]",
                "file=%(here)s/orchestrator.sock",
                "[supervisord]",
                "logfile=%(here)s/supervisord.log",
                "childlogdir=%(here)s",
                "[group:chain]",
                "programs=alpha,beta",
                "[program:alpha]",
                "command=engine-launcher -e dynamic -n alpha -w %(process_num)d -l info",
                "numprocs=2",
                "process_name=engine-alpha-%(process_num)d",
                "startsecs=0",
                "stdout_logfile=%(here)s/alpha-%(process_num)d.log",
                "redirect_stderr=true",
                "[program:beta]",
                "command=engine-launcher -e dynamic -n beta -w 0 -l info",
                "process_name=engine-beta-0",
                "startsecs=0",
                "stdout_logfile=%(here)s/beta.log",
                "redirect_stderr=true",
                "[engine:alpha]",
                "next=beta",
                "beat_interval=1",
                "[engine:beta]",
                "beat_interval=1",
                extraMain, ""));
        return file;
    }

    public Daemon daemon() { return daemon; }

    public Path dir() { return dir; }

    public Path socket() { return dir.resolve("orchestrator.sock"); }

    /** Publishes each body to alpha's queue, persistent, and waits for the broker's confirms. */
    public void publish(Iterable<String> bodies) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            for (String body : bodies) {
                channel.basicPublish("", "Engine_" + ALPHA, persistent, body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /** Messages ready in {@code queue} now. */
    public long depth(String queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } finally {
            daemon.close();
        }
    }
}
