package dev.orchestrator.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;

/** Where the feeder takes its events from: generated samples or the lines of a file. */
@FunctionalInterface
public interface EventSource extends Closeable {

    /** The next event, null when there is none left. */
    ObjectNode next() throws IOException;

    /** What the source read but skipped as bad so far. */
    default long skipped() {
        return 0;
    }

    @Override
    default void close() throws IOException { }

    /** {@code count} events of {@code samples}. */
    static EventSource of(SampleEvents samples, long count) {
        long[] left = {count};
        return () -> left[0]-- > 0 ? samples.next() : null;
    }

    /** The first {@code count} events of {@code source}. */
    static EventSource limit(EventSource source, long count) {
        return new EventSource() {
            private long left = count;

            @Override
            public ObjectNode next() throws IOException {
                return left-- > 0 ? source.next() : null;
            }

            @Override
            public long skipped() {
                return source.skipped();
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }
}
