package dev.orchestrator.daemon;

import dev.orchestrator.control.rpc.LogtailHandler;
import dev.orchestrator.control.rpc.SupervisorRpc;
import dev.orchestrator.http.Routes;
import dev.orchestrator.pipeline.Pipeline;
import dev.orchestrator.supervision.SupervisorCore;
import dev.orchestrator.web.WebRoutes;
import dev.orchestrator.xmlrpc.RpcMethods;
import dev.orchestrator.xmlrpc.XmlRpcHandler;

/**
 * What the daemon serves over HTTP, on the control socket and on {@code [inet_http_server]} alike: each feature
 * mounts its handler under its own path prefix here.
 */
public final class HttpRoutes {

    private HttpRoutes() { }

    static Routes of(SupervisorCore supervisor, Pipeline pipeline) {
        Routes routes = supervisord(new Routes(), supervisor);
        WebRoutes.mount(routes, supervisor, pipeline, () -> supervisor.configuration().mainFile());
        return routes;
    }

    /**
     * supervisord's own paths: {@code /RPC2} (XML-RPC), {@code /logtail/} and {@code /mainlogtail} (what
     * supervisorctl's {@code tail -f} and {@code maintail -f} read).
     */
    public static Routes supervisord(Routes routes, SupervisorCore supervisor) {
        RpcMethods methods = SupervisorRpc.register(new RpcMethods(), supervisor);
        return routes
                .add("/RPC2", new XmlRpcHandler(methods))
                .add(LogtailHandler.PROCESS_PREFIX, LogtailHandler.processLogs(supervisor))
                .add(LogtailHandler.MAIN_PATH, LogtailHandler.mainLog(supervisor.logfile()));
    }
}
