package dev.orchestrator.daemon;

/** The daemon cannot start; the message is one line saying why (another daemon, broker port in use...). */
public class DaemonException extends Exception {
    public DaemonException(String message) { super(message); }

    public DaemonException(String message, Throwable cause) { super(message, cause); }
}
