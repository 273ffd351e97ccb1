package dev.orchestrator.control.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.control.protocol.ProcessRow;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    private static ProcessRow p(String group, String name, ProcessState state, String description) {
        return new ProcessRow(name, group, state, description);
    }

    private static ProcessInfo info(String group, String name, ProcessState state) {
        return new ProcessInfo(name, group, state, 100, 0, 116, "", 0, 7, "", null, null, Map.of("in", 5));
    }

    @Test
    void nameColumnIsAtLeast33WideThenTenForTheState() {
        List<String> lines = StatusTable.lines(List.of(
                p("a_fail", "a_fail", ProcessState.FATAL, "Exited too quickly (process log may have details)"),
                p("c", "c-0", ProcessState.RUNNING, "pid 7419, uptime 0:00:17"),
                p("e_new", "e_new", ProcessState.STARTING, "")));
        assertEquals("a_fail                           FATAL     Exited too quickly (process log may have details)",
                lines.get(0));
        assertEquals("c:c-0                            RUNNING   pid 7419, uptime 0:00:17", lines.get(1));
        assertEquals("e_new                            STARTING  ", lines.get(2));
        assertEquals(33, lines.get(1).indexOf("RUNNING"));
    }

    @Test
    void nameColumnGrowsWithTheLongestName() {
        String longName = "engine-cleaner-events-with-a-long-name-0";
        List<String> lines = StatusTable.lines(List.of(p("amqp2engines", longName, ProcessState.STOPPED, "Not started"),
                p("x", "x", ProcessState.RUNNING, "")));
        int width = ("amqp2engines:" + longName).length() + 3;
        assertEquals(width, lines.get(0).indexOf("STOPPED"));
        assertEquals(width, lines.get(1).indexOf("RUNNING"));
    }

    @Test
    void availLine() {
        assertEquals("d_stopped                        in use    manual    999:999",
                StatusTable.availLine(new ConfigInfo("d_stopped", "d_stopped", true, false, 999, 999)));
        assertEquals("g:p                              avail     auto      5:10",
                StatusTable.availLine(new ConfigInfo("p", "g", false, true, 5, 10)));
    }

    @Test
    void jsonHasUptimeOnlyWhenRunning() {
        assertEquals(16L, StatusTable.json(info("c", "c-0", ProcessState.RUNNING)).get("uptime"));
        assertEquals(0L, StatusTable.json(info("c", "c-0", ProcessState.EXITED)).get("uptime"));
        assertEquals(Map.of("in", 5), StatusTable.json(info("c", "c-0", ProcessState.RUNNING)).get("counters"));
    }
}
