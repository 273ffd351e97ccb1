package dev.orchestrator.control.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's codec reads what the daemon's data binding writes, and writes what it reads. */
class WireTest {

    @Test
    void requestsAsTheDaemonReadsThem() throws Exception {
        for (Request r : List.of(Request.of("pid"), Request.of("start", List.of("a", "g:*"), false),
                Request.tail("x", "stderr", 100, true))) {
            assertEquals(r, Protocol.JSON.readValue(Wire.request(r), Request.class));
        }
    }

    @Test
    void repliesAsTheDaemonWritesThem() throws Exception {
        ProcessInfo p = new ProcessInfo("c-0", "c", ProcessState.RUNNING, 10, 0, 20, "", 0, 3, "pid 3, uptime 0:00:10",
                "/l/out.log", null, Map.of("events_in", 5L, "rate", 1.5, "last_error", "boom"), "c", "process",
                "no Java implementation: the original engine-launcher as a child process");
        String line = Protocol.JSON.writeValueAsString(Reply.result(Map.of("processes", List.of(p))));
        assertEquals(p, Wire.process(Wire.reply(line).result().get("processes").get(0)));

        Outcome o = new Outcome("g", "BAD_NAME", "no such group", true);
        assertEquals(o, Wire.reply(Protocol.JSON.writeValueAsString(Reply.item(o))).item());
        assertEquals("é\n", Wire.reply(Protocol.JSON.writeValueAsString(Reply.data("é\n"))).data());
        assertEquals(new Reply.Error("NO_FILE", "no log file"),
                Wire.reply(Protocol.JSON.writeValueAsString(Reply.error("NO_FILE", "no log file"))).error());

        ConfigInfo c = new ConfigInfo("p", "g", true, false, 5, 10);
        String avail = Protocol.JSON.writeValueAsString(Reply.result(Map.of("config", List.of(c))));
        assertEquals(List.of(c), Wire.list(Wire.reply(avail).result().get("config"), Wire::config));
    }
}
