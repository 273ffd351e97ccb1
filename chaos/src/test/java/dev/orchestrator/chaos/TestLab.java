package dev.orchestrator.chaos;

import java.nio.file.Path;

/** The {@link Lab} of the JUnit scenarios: this checkout as the installation, files under chaos/target/chaos-test. */
public final class TestLab {

    private TestLab() { }

    public static Lab open() {
        Path home = Path.of("..").toAbsolutePath().normalize();
        return new Lab(home, home.resolve("chaos/target/chaos-test"), 8, System.out);
    }
}
