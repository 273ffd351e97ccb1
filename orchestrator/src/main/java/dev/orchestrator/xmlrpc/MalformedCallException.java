package dev.orchestrator.xmlrpc;

/** A request body that is not an XML-RPC method call; the message says what and where, in one line. */
public final class MalformedCallException extends Exception {

    public MalformedCallException(String message) {
        super(message);
    }
}
