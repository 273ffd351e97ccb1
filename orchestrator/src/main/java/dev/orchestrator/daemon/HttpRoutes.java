package dev.orchestrator.daemon;

import dev.orchestrator.http.Routes;
import dev.orchestrator.supervision.SupervisorCore;

/**
 * What the daemon serves over HTTP, on the control socket and on {@code [inet_http_server]} alike: each feature
 * mounts its handler under its own path prefix here.
 */
final class HttpRoutes {

    private HttpRoutes() { }

    static Routes of(SupervisorCore supervisor) {
        return new Routes();
    }
}
