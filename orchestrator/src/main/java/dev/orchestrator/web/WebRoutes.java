package dev.orchestrator.web;

import dev.orchestrator.control.server.ControlService;
import dev.orchestrator.http.Routes;
import dev.orchestrator.metrics.DaemonMetrics;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.Supervisor;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Mounts the dashboard ({@code /} and {@code /ui/}), the REST API ({@code /api/}) and the Prometheus metrics
 * ({@code /metrics}) on the daemon's HTTP routes; one CSRF token per daemon run.
 */
public final class WebRoutes {

    private WebRoutes() {}

    /** {@code mainFile} gives the configuration's main file for {@code /api/config/check}. */
    public static void mount(Routes routes, Supervisor supervisor, Pipeline pipeline, Supplier<Path> mainFile) {
        CsrfGuard csrf = new CsrfGuard();
        Dashboard dashboard = new Dashboard(csrf);
        routes.add(Dashboard.PAGE, dashboard)
                .add(Dashboard.ASSETS, dashboard)
                .add(RestApi.PREFIX, new RestApi(new ControlService(supervisor, pipeline), csrf, mainFile))
                .add(MetricsEndpoint.PATH, new MetricsEndpoint(new DaemonMetrics(supervisor, pipeline)));
    }
}
