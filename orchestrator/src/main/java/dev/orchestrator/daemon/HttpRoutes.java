package dev.orchestrator.daemon;

import dev.orchestrator.http.Routes;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.web.WebRoutes;

/**
 * What the daemon serves over HTTP, on the control socket and on {@code [inet_http_server]} alike: each feature
 * mounts its handler under its own path prefix here.
 */
final class HttpRoutes {

    private HttpRoutes() { }

    static Routes of(SupervisorCore supervisor, Pipeline pipeline) {
        Routes routes = new Routes();
        WebRoutes.mount(routes, supervisor, pipeline, () -> supervisor.configuration().mainFile());
        return routes;
    }
}
