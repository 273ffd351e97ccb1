package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orchestrator.testing.AmqpProbe;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine's log on a full disk (/dev/full), at debug level so that every event writes a line: the real daemon on
 * the real RabbitMQ forwards all 2,000 events, none goes to the error queue because of the log, and status --json
 * reports the log that cannot be written.
 */
class FullLogDiskTest {

    @TempDir
    Path dir;

    @Test
    void anEngineWhoseLogCannotBeWrittenStillForwardsEveryEvent() throws Exception {
        try (TestBroker broker = TestBrokers.rabbitVhost();
             DaemonProcess daemon = DaemonProcess.start(dir, broker.uri(), String.join("\n",
                     "[program:engine-full]",
                     "command=engine-launcher -e dynamic -n full -w 0 -l debug",
                     "stdout_logfile=/dev/full",
                     "stderr_logfile=/dev/full",
                     "[engine:full]",
                     "next=sink",
                     "[engine:sink]",
                     "")).awaitControl();
             AmqpProbe probe = new AmqpProbe(broker.uri())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.consumers("Engine_full") == 1);
            List<AmqpProbe.Message> sink = probe.collect("Engine_sink");
            int n = 2000;
            for (int i = 0; i < n; i++) {
                probe.publish("amq.direct", "Engine_full", JsonNodeFactory.instance.objectNode().put("id", i)
                        .put("connector", "test").put("event_type", "check"));
            }
            probe.confirmed();
            await().atMost(Duration.ofSeconds(60)).until(() -> sink.size() >= n);
            Set<Integer> ids = sink.stream().map(m -> m.json().get("id").asInt()).collect(Collectors.toSet());
            assertEquals(n, ids.size());
            assertEquals(0, probe.ready("Engine_full.errors"));
            String status = daemon.cli("status", "--json").out();
            assertTrue(status.contains("\"errored\" : 0") || status.contains("\"errored\":0"), status);
            assertTrue(status.contains("cannot write /dev/full: No space left on device"), status);
            String mainLog = daemon.mainLogText();
            assertEquals(1, mainLog.lines().filter(l -> l.contains("log file /dev/full cannot be written")).count(),
                    mainLog);
        }
    }
}
