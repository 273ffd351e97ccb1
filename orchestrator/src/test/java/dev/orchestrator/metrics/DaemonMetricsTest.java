package dev.orchestrator.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.testing.PipelineDaemon;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events fed through a chain alpha -> beta on the real RabbitMQ, read back from the daemon's Prometheus text with a
 * strict parse: worker counters, the processing-time histogram, queue depths, process states, JVM metrics.
 */
class DaemonMetricsTest {

    @TempDir
    Path dir;

    static PrometheusText scrape(DaemonMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return PrometheusText.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void countersOfEventsFedThroughTheChainComeBackFromTheScrape() throws Exception {
        try (TestBroker broker = TestBrokers.rabbitVhost();
             PipelineDaemon chain = PipelineDaemon.start(dir, broker.uri(), "")) {
            List<String> bodies = new ArrayList<>();
            IntStream.range(0, 40).forEach(i -> bodies.add("{\"id\": " + i + "}"));
            bodies.add("poison");
            chain.publish(bodies);
            DaemonMetrics metrics = new DaemonMetrics(chain.daemon().supervisor(), chain.daemon().pipeline());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusText m = scrape(metrics);
                assertEquals(40, m.value("orchestrator_worker_events_in_total", Map.of("engine", "beta")));
                double alphaIn = m.all("orchestrator_worker_events_in_total").stream()
                        .filter(s -> s.labels().get("engine").equals("alpha")).mapToDouble(s -> s.value()).sum();
                double alphaOut = m.all("orchestrator_worker_events_out_total").stream()
                        .filter(s -> s.labels().get("engine").equals("alpha")).mapToDouble(s -> s.value()).sum();
                double alphaErrored = m.all("orchestrator_worker_events_errored_total").stream()
                        .filter(s -> s.labels().get("engine").equals("alpha")).mapToDouble(s -> s.value()).sum();
                assertEquals(41, alphaOut, "40 to beta, 1 to the error queue");
                assertEquals(1, alphaErrored);
                assertTrue(alphaIn >= 40, "alpha processed " + alphaIn);
                assertEquals(1, m.value("orchestrator_queue_messages", Map.of("engine", "alpha", "kind", "errors")));
            });
            PrometheusText m = scrape(metrics);
            Map<String, String> beta = Map.of("engine", "beta", "process", "engine-beta-0");
            assertEquals("histogram", m.types.get("orchestrator_worker_processing_seconds"));
            assertEquals(40, m.value("orchestrator_worker_processing_seconds_count", beta));
            assertEquals(40, m.value("orchestrator_worker_processing_seconds_bucket",
                    Map.of("engine", "beta", "le", "+Inf")));
            assertTrue(m.value("orchestrator_worker_processing_seconds_sum", beta) > 0);
            List<Double> buckets = m.all("orchestrator_worker_processing_seconds_bucket").stream()
                    .filter(s -> s.labels().get("engine").equals("beta")).map(PrometheusText.Sample::value).toList();
            for (int i = 1; i < buckets.size(); i++) assertTrue(buckets.get(i) >= buckets.get(i - 1), "cumulative");

            assertEquals(1, m.value("orchestrator_queue_consumers", Map.of("engine", "beta", "kind", "input")));
            assertEquals(0, m.value("orchestrator_queue_messages", Map.of("engine", "beta", "kind", "input")));
            assertEquals(2, m.value("orchestrator_queue_consumers", Map.of("engine", "alpha", "kind", "input")));
            assertEquals(20, m.value("orchestrator_process_state", Map.of("process", "engine-alpha-1")));
            assertEquals(1, m.value("orchestrator_process_up", Map.of("group", "chain", "process", "engine-beta-0")));
            assertEquals(0, m.value("orchestrator_process_restarts_total", Map.of("process", "engine-beta-0")));
            assertEquals(3, m.value("orchestrator_processes", Map.of("state", "RUNNING")));
            assertEquals("counter", m.types.get("orchestrator_worker_beats_total"));
            assertEquals("counter", m.types.get("orchestrator_worker_reconnects_total"));
            assertTrue(m.value("jvm_threads_current", Map.of()) > 10, "JVM metrics");
            assertTrue(m.value("process_open_fds", Map.of()) > 0, "process metrics");

            chain.daemon().supervisor().stopProcess("chain", "engine-beta-0", true);
            PrometheusText stopped = scrape(metrics);
            assertEquals(0, stopped.value("orchestrator_process_state", Map.of("process", "engine-beta-0")));
            assertEquals(0, stopped.value("orchestrator_process_up", Map.of("process", "engine-beta-0")));
            assertEquals(0, stopped.value("orchestrator_process_uptime_seconds", Map.of("process", "engine-beta-0")));
        }
    }
}
