package dev.orchestrator.xmlrpc;

import dev.orchestrator.http.HttpError;
import dev.orchestrator.http.HttpExchange;
import dev.orchestrator.http.HttpHandler;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * XML-RPC over HTTP POST (supervisord serves it at {@code /RPC2}): a call that is not XML-RPC is 400 with the reason
 * in one line, as supervisord's {@code supervisor_xmlrpc_handler.continue_request} answers 400 to an unmarshallable
 * body; every call gets 200 with its result or its fault.
 */
public final class XmlRpcHandler implements HttpHandler {

    private static final Logger LOG = LogManager.getLogger(XmlRpcHandler.class);

    private final RpcMethods methods;

    public XmlRpcHandler(RpcMethods methods) {
        this.methods = methods;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.request().method().equals("POST")) {
            exchange.header("Allow", "POST");
            throw new HttpError(405, "XML-RPC takes POST requests");
        }
        MethodCall call;
        try {
            call = XmlRpcCodec.decodeCall(exchange.request().body());
        } catch (MalformedCallException e) {
            throw new HttpError(400, "not an XML-RPC call: " + e.getMessage());
        }
        byte[] answer;
        try {
            answer = XmlRpcCodec.encodeResponse(methods.call(call.methodName(), call.params()));
        } catch (RpcFault f) {
            LOG.debug("XML-RPC {} fault: {}", call.methodName(), f.getMessage());
            answer = XmlRpcCodec.encodeFault(f.code(), f.getMessage());
        }
        exchange.respond(200, "text/xml", answer);
    }
}
