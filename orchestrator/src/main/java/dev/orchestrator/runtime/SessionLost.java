package dev.orchestrator.runtime;

/** The session died under the worker: it drops what is in flight (the broker redelivers it) and reconnects. */
final class SessionLost extends RuntimeException {

    SessionLost(String reason) {
        super(reason, null, false, false);
    }
}
