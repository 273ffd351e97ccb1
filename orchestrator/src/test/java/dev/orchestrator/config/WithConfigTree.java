package dev.orchestrator.config;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the configuration tests: a fresh {@link ConfigTree} in its own temporary directory for each test. */
abstract class WithConfigTree {

    @TempDir
    Path tmp;

    ConfigTree tree;

    @BeforeEach
    void newTree() {
        tree = new ConfigTree(tmp);
    }
}
