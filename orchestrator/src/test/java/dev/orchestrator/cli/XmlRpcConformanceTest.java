package dev.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.daemon.HttpRoutes;
import dev.orchestrator.http.Credentials;
import dev.orchestrator.http.Routes;
import dev.orchestrator.http.TcpHttpServer;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.TestWorkers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every method of supervisord's XML-RPC API through Python's {@code xmlrpc.client} (src/test/resources/xmlrpc/
 * conformance.py): result structures, fault codes and strings, bad input, and {@code [inet_http_server]}'s basic
 * authentication, against a real daemon.
 */
class XmlRpcConformanceTest extends DaemonTestBase {

    private static final String PROGRAMS = """
            [program:solo]
            command=engine-launcher -e test -n solo -w 0
            startsecs=0
            stdout_logfile=%(here)s/../logs/solo.log
            stderr_logfile=NONE

            [program:c]
            command=engine-launcher -e test -n c -w %(process_num)d
            process_name=c-%(process_num)d
            numprocs=2
            startsecs=0
            """;

    @Test
    void pythonXmlRpcClientCallsEveryMethod() throws Exception {
        harness(PROGRAMS);
        Talker solo = new Talker().say("a line of solo's log");
        h.workers.script("solo", () -> solo);
        h.workers.script("c-0", TestWorkers::untilStopped);
        h.workers.script("c-1", TestWorkers::untilStopped);
        h.start();
        h.awaitState("c", "c-1", ProcessState.RUNNING);
        Path script = dir.resolve("conformance.py");
        Files.copy(getClass().getResourceAsStream("/xmlrpc/conformance.py"), script);
        try (TcpHttpServer tcp = TcpHttpServer.start("127.0.0.1", 0, HttpRoutes.supervisord(new Routes(), h.daemon),
                new Credentials("admin", "{SHA}" + "d033e22ae348aeb5660fc2140aec35850c4da997"))) { // sha1("admin")
            Process python = new ProcessBuilder("python3", script.toString(), h.socket().toString(),
                    Integer.toString(tcp.port()), "admin", "admin", "a line of solo's log")
                    .redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, python.exitValue(), out);
            assertTrue(out.lines().allMatch(l -> l.startsWith("ok ")), out);
            assertTrue(out.endsWith("ok supervisor.shutdown\n"), out);
        }
    }
}
