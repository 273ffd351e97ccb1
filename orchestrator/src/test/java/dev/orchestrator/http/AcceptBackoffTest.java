package dev.orchestrator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.LogEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The accept loop's pause and log rate after failed accepts (EMFILE), on a clock the test drives. */
class AcceptBackoffTest {

    @Test
    void waitsDoubleToASecondAndOneLineASecondIsLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger logger = LoggerContext.getContext(false).getLogger("accept-backoff-test");
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        logger.addAppender(capture);
        logger.setLevel(Level.INFO);
        AtomicLong now = new AtomicLong();
        AcceptBackoff backoff = new AcceptBackoff(logger, "control", now::get);

        long[] waits = LongStream.range(0, 10).map(i -> backoff.failed("Too many open files")).toArray();
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L),
                LongStream.of(waits).boxed().toList());
        assertEquals(List.of("control: accept failed: Too many open files; retrying in up to 1000 ms"), lines);

        now.addAndGet(999_000_000L);
        backoff.failed("Too many open files");
        assertEquals(1, lines.size());
        now.addAndGet(1_000_000L);
        backoff.failed("Too many open files");
        assertEquals("control: accept failed: Too many open files (10 more failures since the last line);"
                + " retrying in up to 1000 ms", lines.get(1));

        backoff.succeeded();
        assertEquals(5L, backoff.failed("Too many open files"));
        assertEquals(2, lines.size(), "a success does not reset the log's rate");
        logger.removeAppender(capture);
    }
}
