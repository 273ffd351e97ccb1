package dev.orchestrator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** avail, reread, update and reload against a real daemon after real edits of its configuration file. */
class ControlConfigTest extends DaemonTestBase {

    private static final String KEEP = """
            [program:keep]
            command=engine-launcher -e test -n keep -w 0
            startsecs=0
            """;
    private static final String GONE = """
            [program:gone]
            command=engine-launcher -e test -n gone -w 0
            startsecs=0
            priority=5
            """;
    private static final String EDIT = """
            [program:edit]
            command=engine-launcher -e test -n edit -w 0
            startsecs=0
            autostart=false
            """;


    @BeforeEach
    void start() throws Exception {
        harness(KEEP + GONE + EDIT);
        for (String p : List.of("keep", "gone", "edit", "new")) h.workers.script(p, TestWorkers::untilStopped);
        h.start();
        h.awaitState("keep", "keep", ProcessState.RUNNING);
        h.awaitState("gone", "gone", ProcessState.RUNNING);
    }

    @Test
    void availListsEveryConfiguredProcess() {
        ControlHarness.Run r = h.run("avail");
        assertEquals(0, r.status());
        assertEquals(List.of(
                "gone                             in use    auto      5:5",
                "edit                             in use    manual    999:999",
                "keep                             in use    auto      999:999"), r.lines());
        assertEquals(1, h.run("avail", "extra").status());
    }

    @Test
    void rereadSaysWhatChangedWithoutApplyingIt() {
        assertEquals(new ControlHarness.Run(0, "No config updates to processes\n", ""), h.run("reread"));
        h.writeConfig(KEEP + EDIT.replace("autostart=false", "autostart=true") + """
                [program:new]
                command=engine-launcher -e test -n new -w 0
                startsecs=0
                """);
        assertEquals(new ControlHarness.Run(0, "edit: changed\ngone: disappeared\nnew: available\n", ""), h.run("reread"));
        assertEquals(ProcessState.RUNNING, state("gone"));
    }

    @Test
    void updateAppliesRemovedChangedAndAddedGroups() {
        h.writeConfig(KEEP + EDIT.replace("autostart=false", "autostart=true") + """
                [program:new]
                command=engine-launcher -e test -n new -w 0
                startsecs=0
                """);
        ControlHarness.Run r = h.run("update");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("gone: stopped", "gone: removed process group", "edit: updated process group",
                "new: added process group"), r.lines());
        await().atMost(Duration.ofSeconds(10)).until(() -> state("new") == ProcessState.RUNNING
                && state("edit") == ProcessState.RUNNING);
        assertTrue(h.daemon.allProcessInfo().stream().noneMatch(p -> p.name().equals("gone")));
    }

    @Test
    void updateRestartsOnlyTheChangedProgram() throws Exception {
        long gonePid = h.daemon.processInfo("gone", "gone").pid();
        h.writeConfig(KEEP + "stopwaitsecs=5\n" + GONE + EDIT);
        ControlHarness.Run r = h.run("update");
        assertEquals(List.of("keep: stopped", "keep: updated process group"), r.lines());
        h.awaitState("keep", "keep", ProcessState.RUNNING);
        assertEquals(gonePid, h.daemon.processInfo("gone", "gone").pid(), "an unchanged program keeps running");
    }

    @Test
    void updateOfNamedGroupsOnly() {
        h.writeConfig(KEEP);
        ControlHarness.Run r = h.run("update", "gone", "nope");
        assertEquals(1, r.status());
        assertEquals(List.of("ERROR: no such group: nope", "gone: stopped", "gone: removed process group"), r.lines());
        assertEquals(ProcessState.STOPPED, state("edit"), "edit was not removed: not named");
    }

    @Test
    void reloadRestartsEverythingWithTheNewConfiguration() {
        h.writeConfig(KEEP);
        assertEquals(new ControlHarness.Run(0, "Restarted supervisord\n", ""), h.run("reload"));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.daemon.allProcessInfo().stream()
                .map(ProcessInfo::name).toList().equals(List.of("keep")) && state("keep") == ProcessState.RUNNING);
        assertEquals(1, h.run("reload", "now").status());
    }

    private ProcessState state(String name) {
        return h.daemon.allProcessInfo().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(ProcessInfo::state).orElse(null);
    }
}
