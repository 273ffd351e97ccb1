package dev.orchestrator.config;

/**
 * A value that cannot be read. The message is supervisord's text where it has one, followed by what is expected;
 * the caller adds the file, line, section and key.
 */
final class InvalidValueException extends Exception {

    InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
