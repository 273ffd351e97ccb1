package dev.orchestrator.runtime;

/** The body of a delivery is not a JSON object: the message goes to the error queue. */
final class UndecodableEvent extends Exception {

    UndecodableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
