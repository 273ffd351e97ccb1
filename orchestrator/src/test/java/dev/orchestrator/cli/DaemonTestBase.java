package dev.orchestrator.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class that runs CLI commands against a real daemon of its own, in a fresh directory per test. */
abstract class DaemonTestBase {

    @TempDir
    Path dir;

    ControlHarness h;

    /** A harness on {@code programs} (INI sections); script its workers, then {@code start()} it. */
    ControlHarness harness(String programs) {
        h = new ControlHarness(dir, programs);
        return h;
    }

    @AfterEach
    void closeHarness() {
        if (h != null) h.close();
    }
}
