package dev.orchestrator.config;

/**
 * supervisord's byte sizes ({@code 50MB}, {@code 10KB}, {@code 1024}) for the parameters of engines, which read
 * them as supervisord reads {@code *_maxbytes}.
 */
public final class ByteSizes {

    private ByteSizes() { }

    /** The size in bytes; an {@link IllegalArgumentException} with supervisord's text and what is expected. */
    public static long parse(String value) {
        try {
            return SupervisorTypes.byteSize(value.strip());
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
