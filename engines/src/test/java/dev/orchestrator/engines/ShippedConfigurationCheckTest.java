package dev.orchestrator.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("check", "-c", main.toString());
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString().endsWith("5 programs, 5 processes in 1 group: 0 errors, 0 warnings, 0 notes\n"),
                out::toString);
    }
}
