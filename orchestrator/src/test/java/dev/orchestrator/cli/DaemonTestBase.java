package dev.orchestrator.cli;

import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import dev.orchestrator.supervision.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class that runs CLI commands against a real daemon of its own, in a fresh directory per test. */
abstract class DaemonTestBase {

    @TempDir
    Path dir;

    ControlHarness h;

    /**
     * supervisorctl's cases in four programs: {@code solo} (its own log file), {@code c} (two processes),
     * {@code manual} (not autostarted) and {@code broken} (not autostarted, its spawn fails).
     */
    static final String FOUR_PROGRAMS = """
            [program:solo]
            command=engine-launcher -e test -n solo -w 0
            startsecs=0
            stdout_logfile=%(here)s/../logs/solo.log

            [program:c]
            command=engine-launcher -e test -n c -w %(process_num)d
            process_name=c-%(process_num)d
            numprocs=2
            startsecs=0

            [program:manual]
            command=engine-launcher -e test -n manual -w 0
            autostart=false
            startsecs=0

            [program:broken]
            command=engine-launcher -e test -n broken -w 0
            autostart=false
            startsecs=0
            startretries=0
            """;

    /** A harness on {@code programs} (INI sections); script its workers, then {@code start()} it. */
    ControlHarness harness(String programs) {
        h = new ControlHarness(dir, programs);
        return h;
    }

    /**
     * The daemon on {@link #FOUR_PROGRAMS}, {@code solo} running {@code solo}'s workers, the others until stopped
     * ({@code broken}: a spawn error); returns once solo and c run.
     */
    ControlHarness startFourPrograms(Supplier<Worker> solo) throws Exception {
        harness(FOUR_PROGRAMS);
        h.workers.script("solo", solo);
        for (String p : List.of("c-0", "c-1", "manual")) h.workers.script(p, TestWorkers::untilStopped);
        h.workers.script("broken", () -> TestWorkers.spawnError("no such engine type"));
        h.start();
        h.awaitState("solo", "solo", ProcessState.RUNNING);
        h.awaitState("c", "c-1", ProcessState.RUNNING);
        return h;
    }

    /** The daemon on one program, {@code solo}, a worker that runs until stopped; returns once it runs. */
    ControlHarness startSolo() throws Exception {
        harness("""
                [program:solo]
                command=engine-launcher -e test -n solo -w 0
                startsecs=0
                """);
        h.workers.script("solo", TestWorkers::untilStopped);
        h.start();
        h.awaitState("solo", "solo", ProcessState.RUNNING);
        return h;
    }

    @AfterEach
    void closeHarness() {
        if (h != null) h.close();
    }
}
