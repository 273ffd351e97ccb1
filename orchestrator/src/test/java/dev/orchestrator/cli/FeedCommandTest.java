package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.orchestrator.testing.BrokerKind;
import dev.orchestrator.testing.TestBrokers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator feed} end to end through picocli, on the embedded broker. */
class FeedCommandTest {

    @RegisterExtension
    static final TestBrokers BROKERS = new TestBrokers();

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {}

    private Run feed(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "feed";
        all[1] = "-c";
        all[2] = tmp.resolve("supervisord.conf").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return new Run(Main.run(all, new PrintWriter(out), new PrintWriter(err)), out.toString(), err.toString());
    }

    /** An empty main file: the broker comes from --amqp-uri. */
    private Channel boundQueue(String queue) throws Exception {
        Files.writeString(tmp.resolve("supervisord.conf"), "[supervisord]\n");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BROKERS.uri(BrokerKind.EMBEDDED));
        Connection connection = factory.newConnection("feed-command-test");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare("canopsis.events", BuiltinExchangeType.TOPIC, true, false, null);
        channel.queueDeclare(queue, false, false, true, null);
        channel.queueBind(queue, "canopsis.events", "#");
        return channel;
    }

    @Test
    void publishesSampleEventsAndSumsUpOnOneLine() throws Exception {
        Channel channel = boundQueue("feed-cli-samples");
        Run run = feed("--count", "300", "--seed", "5", "--amqp-uri", BROKERS.uri(BrokerKind.EMBEDDED));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("published 300, confirmed 300 in [0-9.]+ s \\([0-9]+ events/s\\)\\R"), run.out());
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount("feed-cli-samples") == 300);
        channel.getConnection().close();
    }

    @Test
    void fileLinesWithBadOnesReportedAndExitOne() throws Exception {
        Channel channel = boundQueue("feed-cli-file");
        Path events = tmp.resolve("events.jsonl");
        Files.writeString(events, """
                {"connector": "nagios", "connector_name": "n", "event_type": "check", "source_type": "component", "component": "h"}
                {"connector": "nagios"
                """);
        Run run = feed("--file", events.toString(), "--amqp-uri", BROKERS.uri(BrokerKind.EMBEDDED));
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith(events + ":2: not valid JSON: "), run.err());
        assertTrue(run.out().startsWith("published 1, confirmed 1 in "), run.out());
        assertTrue(run.out().endsWith(", 1 bad lines skipped" + System.lineSeparator()), run.out());
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount("feed-cli-file") == 1);
        channel.getConnection().close();
    }

    @Test
    void badArgumentsAndAnUnreachableBrokerAreOneLine() throws Exception {
        Files.writeString(tmp.resolve("supervisord.conf"), "[supervisord]\n");
        Run negative = feed("--count", "-1");
        assertEquals(2, negative.exit());
        assertTrue(negative.err().startsWith("--count must be 0 or more, not -1"), negative.err());
        Run missing = feed("--file", tmp.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith(tmp.resolve("nope.jsonl") + ": no such readable file"), missing.err());
        Run refused = feed("--amqp-uri", "amqp://guest:guest@127.0.0.1:1/");
        assertEquals(1, refused.exit());
        assertEquals("feed: cannot connect to amqp://guest:***@127.0.0.1:1/: Connection refused" + System.lineSeparator(), refused.err());
    }
}
