package dev.orchestrator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** rpcinterface's {@code _interpretProcessInfo} cases (test_rpcinterfaces.py::test__interpretProcessInfo). */
class DescriptionsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void runningShowsPidAndUptimeAsPythonTimedelta() {
        assertEquals("pid 1, uptime 0:01:40", Descriptions.describe(ProcessState.RUNNING, "foo", 1, 0, 0, 100, null, UTC));
        assertEquals("pid 7, uptime 0:00:00", Descriptions.describe(ProcessState.RUNNING, "foo", 7, 200, 0, 100, null, UTC),
                "never negative");
        assertEquals("1 day, 0:00:00", Descriptions.timedelta(86_400));
        assertEquals("5 days, 7:18:14", Descriptions.timedelta(5 * 86_400 + 7 * 3600 + 18 * 60 + 14));
    }

    @Test
    void backoffAndFatalShowTheSpawnErrorOrAskForTail() {
        assertEquals("Exited too quickly (process log may have details)", Descriptions.describe(ProcessState.FATAL,
                "fatal", 0, 1, 2, 3, "Exited too quickly (process log may have details)", UTC));
        assertEquals("unknown error (try \"tail fatal\")",
                Descriptions.describe(ProcessState.BACKOFF, "fatal", 0, 1, 2, 3, null, UTC));
    }

    @Test
    void stoppedAndExitedShowTheLocalStopTimeOrNotStarted() {
        long stop = LocalDateTime.of(2026, 11, 25, 16, 32).toEpochSecond(ZoneOffset.UTC);
        assertEquals("Nov 25 04:32 PM", Descriptions.describe(ProcessState.EXITED, "b", 0, stop - 5, stop, stop, null, UTC));
        assertEquals("Not started", Descriptions.describe(ProcessState.STOPPED, "d", 0, 0, 0, 10, null, UTC));
        assertEquals("", Descriptions.describe(ProcessState.STARTING, "e", 0, 1, 0, 2, null, UTC));
        assertEquals("", Descriptions.describe(ProcessState.STOPPING, "e", 3, 1, 0, 2, null, UTC));
    }
}
