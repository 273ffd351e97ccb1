package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The control socket speaks the CLI's JSON lines and HTTP, told apart by how the client starts. */
class SocketProtocolsTest extends DaemonTestBase {

    private String exchange(String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(h.socket()))) {
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            c.shutdownOutput();
            return new String(readAll(c), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readAll(SocketChannel c) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (c.read(buf) >= 0) {
            if (!buf.hasRemaining()) break;
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    @Test
    void jsonLinesAndHttpOnTheSameSocket() throws Exception {
        harness("[program:solo]\ncommand=engine-launcher -e test -n solo -w 0\nstartsecs=0\n");
        h.workers.script("solo", TestWorkers::untilStopped);
        h.start();
        h.awaitState("solo", "solo", ProcessState.RUNNING);

        String http = exchange("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(http.startsWith("HTTP/1.1 404 Not Found\r\n") && http.endsWith("\r\n\r\nnot found: /nowhere\n"),
                http);
        String json = exchange("{\"method\":\"pid\"}\n");
        assertEquals("{\"result\":{\"pid\":" + ProcessHandle.current().pid() + "}}\n", json);
        String shouting = exchange("HELLO daemon\n");
        assertTrue(shouting.startsWith("{\"error\":{\"fault\":\"INCORRECT_PARAMETERS\""), shouting);
        assertEquals(0, h.run("status").status());
    }

    /** A brief status (the CLI's table) answers each process's name, group, state and description, as the full one. */
    @Test
    void aBriefStatusAnswersOnlyWhatTheTableShows() throws Exception {
        harness("[program:idle]\ncommand=engine-launcher -e test -n idle -w 0\nautostart=false\n");
        h.start();
        JsonNode full = Protocol.JSON.readTree(exchange("{\"method\":\"status\"}\n"))
                .get("result").get("processes").get(0);
        JsonNode brief = Protocol.JSON.readTree(exchange("{\"method\":\"status\",\"brief\":true}\n"))
                .get("result").get("processes").get(0);
        List<String> fields = new ArrayList<>();
        brief.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "group", "state", "description"), fields);
        for (String field : fields) assertEquals(full.get(field), brief.get(field), field);
        assertEquals("Not started", brief.get("description").asText());
        assertTrue(full.size() > fields.size() + 5, full::toString);
    }
}
