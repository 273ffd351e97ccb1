package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tail and clear against a real daemon whose worker writes to its own log file. */
class ControlLogsTest extends DaemonTestBase {

    private static final String PROGRAMS = """
            [program:talker]
            command=engine-launcher -e test -n talker -w 0
            startsecs=0
            stdout_logfile=%(here)s/../logs/talker.log
            stderr_logfile=NONE

            [program:quiet]
            command=engine-launcher -e test -n quiet -w 0
            startsecs=0
            stdout_logfile=NONE
            """;

    final Talker talker = new Talker();

    @BeforeEach
    void start() throws Exception {
        harness(PROGRAMS);
        h.workers.script("talker", () -> talker);
        h.workers.script("quiet", TestWorkers::untilStopped);
        h.start();
        h.awaitState("talker", "talker", ProcessState.RUNNING);
    }

    private Path log() {
        return dir.resolve("logs/talker.log");
    }

    private void say(String line) {
        talker.say(line);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log()) && Files.readString(log()).contains(line));
    }

    @Test
    void tailPrintsTheEndOfTheLog() {
        for (int i = 0; i < 200; i++) talker.say("line " + i);
        say("last");
        ControlHarness.Run r = h.run("tail", "talker");
        assertEquals(0, r.status());
        assertEquals(1600 + 1, r.out().length(), "the last 1600 bytes and supervisorctl's newline");
        assertTrue(r.out().endsWith("last\n\n"));
        assertEquals("ast\n\n", h.run("tail", "-4", "talker").out());
        assertEquals("ast\n\n", h.run("tail", "-4", "talker", "stdout").out());
    }

    @Test
    void tailErrors() {
        assertEquals(new ControlHarness.Run(1, "nope: ERROR (no such process name)\n", ""), h.run("tail", "nope"));
        assertEquals(new ControlHarness.Run(1, "quiet: ERROR (no log file)\n", ""), h.run("tail", "quiet"));
        assertEquals(new ControlHarness.Run(1, "talker: ERROR (no log file)\n", ""), h.run("tail", "talker", "stderr"));
        assertTrue(h.run("tail", "talker", "bogus").err().startsWith("Error: bad channel 'bogus'"));
        assertTrue(h.run("tail").err().startsWith("Error: too few arguments"));
        assertTrue(h.run("tail", "-5", "a", "b", "c").err().startsWith("Error: too many arguments"));
        assertEquals(1, h.run("tail", "talker", "bogus").status());
    }

    @Test
    void tailFollowStreamsWhatIsAppended() throws Exception {
        say("before");
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> follow = CompletableFuture.supplyAsync(() -> Main.run(
                new String[] {"tail", "-c", h.mainFile.toString(), "-f", "talker"},
                new PrintWriter(out, true), new PrintWriter(out, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("before"));
        assertTrue(out.toString().startsWith("==> Press Ctrl-C to exit <==\n"));
        talker.say("after 1").say("after 2");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("after 1\nafter 2\n"));
        h.server.close();
        assertEquals(0, follow.get());
    }

    @Test
    void clearEmptiesTheLog() throws Exception {
        say("something");
        assertEquals(new ControlHarness.Run(0, "talker: cleared\n", ""), h.run("clear", "talker"));
        assertEquals(0, Files.size(log()));
        ControlHarness.Run all = h.run("clear", "all");
        assertEquals("quiet: cleared\ntalker: cleared\n", all.out());
        assertEquals(new ControlHarness.Run(1, "nope: ERROR (no such process)\n", ""), h.run("clear", "nope"));
        say("again");
        assertTrue(h.run("tail", "talker").out().startsWith("again\n"), "tail starts over after a clear");
    }
}
