package dev.orchestrator.supervision;

/** A worker could not be started at all (unknown engine type, missing task...). The message is the spawnerr. */
public class SpawnException extends Exception {
    public SpawnException(String message) { super(message); }
    public SpawnException(String message, Throwable cause) { super(message, cause); }
}
