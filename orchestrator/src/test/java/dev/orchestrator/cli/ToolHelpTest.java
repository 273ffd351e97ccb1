package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** -h/--help on each command that is not a control command (the control ones: ControlCommandsTest). */
class ToolHelpTest {

    @Test
    void helpOfEachToolCommand() {
        for (String command : List.of("daemon", "launch", "feed", "tasks", "check")) {
            for (String option : List.of("-h", "--help")) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cli = RootCommand.commandLine(command, option);
                cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
                assertEquals(0, cli.execute(command, option), command + " " + option + ": " + err);
                assertTrue(out.toString().startsWith("Usage: orchestrator " + command + " "), out.toString());
            }
        }
    }
}
