package dev.orchestrator.supervision;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link Harness} in a temporary directory for each test. */
abstract class HarnessTest {

    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUpHarness() { h = new Harness(dir); }

    @AfterEach
    void closeHarness() { h.close(); }
}
