package dev.orchestrator.broker;

/** The broker cannot be started or reached; the message is one line naming the broker and the reason. */
public class BrokerException extends RuntimeException {
    public BrokerException(String message) { super(message); }

    public BrokerException(String message, Throwable cause) { super(message, cause); }
}
