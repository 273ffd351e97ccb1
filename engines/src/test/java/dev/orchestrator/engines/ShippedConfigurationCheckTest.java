package dev.orchestrator.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The product's own check: {@code orchestrator check} on the shipped etc/ finds every engine type and task it
 * names among the built-in engines (this module's task libraries), with no error and no warning.
 */
class ShippedConfigurationCheckTest {

    @Test
    void shippedEtcChecksCleanWithTheBuiltInEngines() {
        Path main = Path.of("../etc/supervisord.conf").toAbsolutePath().normalize();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"check", "-c", main.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString().endsWith("5 programs, 5 processes in 1 group: 0 errors, 0 warnings, 0 notes\n"
                + "programs by way: 5 thread\n"),
                out::toString);
    }
}
