package dev.orchestrator.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Where the feeder takes its events from: generated samples or the lines of a file. */
@FunctionalInterface
public interface EventSource {

    /** The next event, null when there is none left. */
    ObjectNode next() throws IOException;

    /** What the source read but skipped as bad so far. */
    default long skipped() {
        return 0;
    }

    /** {@code count} events of {@code samples}. */
    static EventSource of(SampleEvents samples, long count) {
        long[] left = {count};
        return () -> left[0]-- > 0 ? samples.next() : null;
    }
}
