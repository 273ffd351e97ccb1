package dev.orchestrator.runtime;

/** An event over a read limit (docs/runtime.md): it goes to the error queue unparsed, with the limit it broke. */
final class OversizedEvent extends Exception {

    OversizedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
