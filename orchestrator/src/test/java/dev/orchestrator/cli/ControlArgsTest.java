package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The control commands' own parser, the launcher's list of them, and their help through picocli's model. */
class ControlArgsTest {

    @Test
    void flagsOptionsAndOperands() throws Exception {
        ControlArgs a = ControlArgs.parse(StartCommand.SYNTAX,
                List.of("-d", "--config=/x/s.conf", "g:*", "--no-wait", "-s", "unix:///r/s.sock", "--", "--all"));
        assertTrue(a.flag("--daemon"));
        assertTrue(a.flag("--no-wait"));
        assertFalse(a.flag("--all"), "after --, an operand");
        assertEquals(List.of("g:*", "--all"), a.operands());
        assertEquals(new ControlOptions(Path.of("/x/s.conf"), "unix:///r/s.sock"), a.control());
        assertEquals(Path.of("/r/s.sock"), a.control().socketFile());
        assertEquals(List.of("-100", "x"), ControlArgs.parse(TailCommand.SYNTAX, List.of("-100", "x")).operands());
    }

    @Test
    void unknownOptionOrMissingValueIsExit2WithTheUsage() {
        assertEquals("Unknown option: '--jsn'", assertThrows(ControlArgs.UsageException.class,
                () -> ControlArgs.parse(StatusCommand.SYNTAX, List.of("--jsn"))).getMessage());
        assertEquals("Missing required parameter for option '-c' (FILE)", assertThrows(ControlArgs.UsageException.class,
                () -> ControlArgs.parse(StatusCommand.SYNTAX, List.of("-c"))).getMessage());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"stop", "--force"}, new PrintWriter(out), new PrintWriter(err)));
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("Unknown option: '--force'\nUsage: orchestrator stop "), err.toString());
    }

    /** bin/orchestrator picks the client's classpath and archive for exactly these commands. */
    @Test
    void launcherKnowsEveryControlCommand() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*(status\\|[a-z|]+)\\)$").matcher(Files.readString(Path.of("bin/orchestrator")));
        assertTrue(m.find(), "the launcher's case of control commands");
        assertEquals(ControlCommands.ALL.stream().map(e -> e.syntax().name()).toList(), List.of(m.group(1).split("\\|")));
    }

    @Test
    void topLevelHelpListsControlCommandsAndTools() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        String help = out.toString();
        assertTrue(help.indexOf("  status ") < help.indexOf("  check "), help);
        assertFalse(help.contains("generate-completion"), help);
        StringWriter completion = new StringWriter();
        assertEquals(0, Main.run(new String[] {"generate-completion"}, new PrintWriter(completion),
                new PrintWriter(new StringWriter())));
        assertTrue(completion.toString().contains("--no-wait"), "completion knows the control commands' options");
    }
}
