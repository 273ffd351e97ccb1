package dev.orchestrator.runtime;

/** An output of the event the broker returned (no queue bound to its destination): the event goes to the error queue. */
final class UnroutableOutput extends Exception {
    UnroutableOutput(String message) {
        super(message, null, false, false);
    }
}
