package dev.orchestrator.metrics;

import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.Supervisor;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The daemon's Prometheus metrics ({@code GET /metrics}), through the Prometheus Java client: the pipeline's and
 * processes' metrics of {@link PipelineCollector} and the client's JVM and process metrics (memory, GC, threads,
 * CPU, open file descriptors), written in Prometheus' text format. Names and labels: docs/control.md.
 */
public final class DaemonMetrics {

    /** The text format's media type. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

    public DaemonMetrics(Supervisor supervisor, Pipeline pipeline) {
        registry.register(new PipelineCollector(supervisor, pipeline));
        JvmMetrics.builder().register(registry);
    }

    /** Writes every metric, scraped now. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
