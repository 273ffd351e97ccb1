package dev.orchestrator.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.testing.PipelineDaemon;
import dev.orchestrator.testing.TestBroker;
import dev.orchestrator.testing.TestBrokers;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every REST endpoint and its errors, the dashboard's assets and /metrics over {@code [inet_http_server]} with basic
 * authentication, on a real daemon (chain alpha -> beta on RabbitMQ); the same routes on the control socket.
 */
class RestApiTest {

    static final String USER = "ops";
    static final String PASSWORD = "s3cret";

    @TempDir
    static Path dir;

    static TestBroker broker;
    static PipelineDaemon chain;
    static WebClient web;
    static int port;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        port = freePort();
        broker = TestBrokers.rabbitVhost();
        chain = PipelineDaemon.start(dir, broker.uri(), String.join("\n", "[inet_http_server]",
                "port=127.0.0.1:" + port, "username=" + USER, "password=" + PASSWORD));
        web = new WebClient(port, USER, PASSWORD);
        List<String> bodies = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> bodies.add("{\"id\": " + i + "}"));
        bodies.add("poison");
        chain.publish(bodies);
        await().atMost(Duration.ofSeconds(20)).until(() -> chain.depth("Engine_alpha.errors") == 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chain != null) chain.close();
        if (broker != null) broker.close();
    }

    static ProcessState state(String name) throws Exception {
        return chain.daemon().supervisor().processInfo("chain", name).state();
    }

    @Test
    void wrongOrMissingCredentialsAre401AndChangeNothing() throws Exception {
        WebClient nobody = new WebClient(port, null, null);
        WebClient wrong = new WebClient(port, USER, "guess");
        assertEquals(401, nobody.get("/api/processes").status());
        assertEquals(401, wrong.get("/").status());
        assertEquals(401, wrong.get("/metrics").status());
        String token = web.get("/api/session").json().get("token").asText();
        WebClient.Answer refused = wrong.send(wrong.request("/api/processes/engine-beta-0/stop")
                .header("X-Orchestrator-Token", token).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, refused.status());
        assertEquals(ProcessState.RUNNING, state("engine-beta-0"));
    }

    @Test
    void processesGroupsAndOneProcess() throws Exception {
        WebClient.Answer all = web.get("/api/processes");
        assertEquals(200, all.status());
        assertTrue(all.contentType().startsWith("application/json"), all.contentType());
        JsonNode processes = all.json().get("processes");
        assertEquals(List.of("chain:engine-alpha-0", "chain:engine-alpha-1", "chain:engine-beta-0"),
                List.of(processes.get(0).get("name").asText(), processes.get(1).get("name").asText(),
                        processes.get(2).get("name").asText()));
        JsonNode groups = web.get("/api/groups").json().get("groups");
        assertEquals("chain", groups.get(0).get("name").asText());
        assertEquals(3, groups.get(0).get("processes").size());

        JsonNode one = web.get("/api/processes/engine-alpha-1").json();
        assertEquals("RUNNING", one.get("state").asText());
        assertEquals(20, one.get("statecode").asInt());
        assertEquals(one, web.get("/api/processes/chain:engine-alpha-1").json(), "bare name or namespec");

        WebClient.Answer unknown = web.get("/api/processes/nope");
        assertEquals(404, unknown.status());
        assertEquals("BAD_NAME", unknown.json().get("error").get("fault").asText());
        assertEquals(404, web.get("/api/nothing").status());
        assertEquals(405, web.send(web.request("/api/processes").DELETE()).status());
    }

    @Test
    void stopStartRestartAndClearNeedTheTokenAndActAsTheControlSocketDoes() throws Exception {
        WebClient.Answer noToken = web.send(web.request("/api/processes/engine-alpha-1/stop")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, noToken.status());
        String token = web.get("/api/session").json().get("token").asText();
        WebClient.Answer otherOrigin = web.send(web.request("/api/processes/engine-alpha-1/stop")
                .header("X-Orchestrator-Token", token).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, otherOrigin.status());
        assertEquals(ProcessState.RUNNING, state("engine-alpha-1"), "refused requests change nothing");

        WebClient.Answer stopped = web.post("/api/processes/engine-alpha-1/stop", "");
        assertEquals(200, stopped.status(), stopped.body());
        assertEquals("chain:engine-alpha-1", stopped.json().get("results").get(0).get("name").asText());
        assertEquals(ProcessState.STOPPED, state("engine-alpha-1"));
        assertEquals(200, web.post("/api/processes/engine-alpha-1/stop", "{}").status(), "not running: harmless");
        assertEquals(200, web.post("/api/processes/engine-alpha-1/start", "").status());
        assertEquals(ProcessState.RUNNING, state("engine-alpha-1"));
        JsonNode restarted = web.post("/api/processes/engine-alpha-1/restart", "").json();
        assertEquals(2, restarted.get("results").size(), restarted.toString());
        assertEquals(ProcessState.RUNNING, state("engine-alpha-1"));

        WebClient.Answer unknown = web.post("/api/processes/nope/stop", "");
        assertEquals(404, unknown.status());
        assertEquals(400, web.post("/api/processes/engine-alpha-1/stop", "{\"x\": 1}").status(), "unknown field");
        assertEquals(400, web.post("/api/processes/engine-alpha-1/stop", "{not json").status());
        assertEquals(405, web.get("/api/processes/engine-alpha-1/stop").status());
        WebClient.Answer hup = web.post("/api/processes/engine-alpha-1/signal", "{\"signal\": \"HUP\"}");
        assertEquals(409, hup.status(), "a worker thread takes only TERM, INT, QUIT: " + hup.body());
        assertEquals("FAILED", hup.json().get("error").get("fault").asText());
        assertEquals(400, web.post("/api/processes/engine-alpha-1/signal", "{}").status());
        assertEquals(400, web.post("/api/processes/engine-alpha-1/signal", "{\"signal\": [1]}").status());
        assertEquals(200, web.post("/api/processes/engine-alpha-1/signal", "{\"signal\": \"TERM\"}").status());
        await().atMost(Duration.ofSeconds(15)).until(() -> state("engine-alpha-1").isStopped());
        assertEquals(200, web.post("/api/processes/engine-alpha-1/start", "").status());
        assertEquals(ProcessState.RUNNING, state("engine-alpha-1"));

        Path log = dir.resolve("beta.log");
        assertTrue(Files.size(log) > 0);
        assertEquals(200, web.post("/api/processes/engine-beta-0/clear", "").status());
        assertEquals(0, Files.size(log));

        JsonNode group = web.post("/api/groups/chain/stop", "").json();
        assertEquals(3, group.get("results").size());
        assertEquals(ProcessState.STOPPED, state("engine-beta-0"));
        web.post("/api/groups/chain/start", "");
        assertEquals(ProcessState.RUNNING, state("engine-beta-0"));
        assertEquals(404, web.post("/api/groups/nogroup/start", "").status());
    }

    @Test
    void tailReadsOnlyConfiguredLogsByOffset() throws Exception {
        Path log = dir.resolve("alpha-0.log");
        Files.writeString(log, "0123456789abcdef\n", java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(log);
        JsonNode last = web.get("/api/processes/engine-alpha-0/log?length=7").json();
        assertEquals("cdef\n", last.get("data").asText().substring(2));
        assertEquals(size, last.get("offset").asLong());
        JsonNode nothing = web.get("/api/processes/engine-alpha-0/log?offset=" + size).json();
        assertEquals("", nothing.get("data").asText());
        Files.writeString(log, "more\n", java.nio.file.StandardOpenOption.APPEND);
        JsonNode more = web.get("/api/processes/engine-alpha-0/log?offset=" + size).json();
        assertEquals("more\n", more.get("data").asText());
        assertEquals(false, more.get("overflow").asBoolean());

        assertEquals(400, web.get("/api/processes/engine-alpha-0/log?file=/etc/passwd").status());
        assertEquals(400, web.get("/api/processes/engine-alpha-0/log?channel=../../etc/passwd").status());
        assertEquals(400, web.get("/api/processes/engine-alpha-0/log?length=-1").status());
        assertEquals(400, web.get("/api/processes/engine-alpha-0/log?offset=1&offset=2").status());
        assertEquals(404, web.get("/api/processes/nope/log").status());
        assertEquals(404, web.get("/api/processes/engine-alpha-0/log?channel=stderr").status(), "redirected: no file");
    }

    @Test
    void pipelineQueuesErrorsAndReplay() throws Exception {
        JsonNode pipeline = web.get("/api/pipeline").json();
        assertEquals("alpha", pipeline.get("engines").get(0).get("name").asText());
        assertEquals(2, pipeline.get("engines").get(0).get("workersConfigured").asInt());
        assertEquals("beta", pipeline.get("edges").get(0).get("to").asText());
        JsonNode queues = web.get("/api/queues").json().get("queues");
        assertEquals("Engine_beta", queues.get(1).get("queue").asText());

        JsonNode errors = web.get("/api/errors/alpha?limit=5").json();
        assertEquals(1, errors.get("events").size());
        assertEquals("poison", errors.get("events").get(0).get("body").asText());
        assertEquals(400, web.get("/api/errors/alpha?limit=0").status());
        assertEquals(400, web.get("/api/errors/gamma").status(), "no such engine");

        assertEquals(400, web.post("/api/errors/alpha/replay", "poison").status());
        assertEquals(400, web.post("/api/errors/alpha/replay", "{\"ids\": []}").status());
        assertEquals(400, web.post("/api/errors/alpha/replay", "{\"ids\": [\"a\"], \"all\": true}").status());
        assertEquals(400, web.post("/api/errors/alpha/replay", "[1, 2]").status());
        assertEquals(413, web.post("/api/errors/alpha/replay", "{\"ids\": [\"" + "x".repeat(70_000) + "\"]}").status());
        JsonNode replayed = web.post("/api/errors/alpha/replay",
                "{\"ids\": [\"" + errors.get("events").get(0).get("id").asText() + "\"]}").json();
        assertEquals(1, replayed.get("replayed").asInt(), replayed.toString());

        JsonNode check = web.get("/api/config/check").json();
        assertTrue(check.get("ok").asBoolean(), check.toString());
        assertEquals(dir.resolve("supervisord.conf").toString(), check.get("file").asText());
    }

    @Test
    void dashboardAssetsAndNothingElse() throws Exception {
        WebClient.Answer page = web.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        String token = web.get("/api/session").json().get("token").asText();
        assertTrue(page.body().contains("content=\"" + token + "\""), "the page carries the token");
        assertEquals(200, web.get("/ui/dashboard.js").status());
        assertTrue(web.get("/ui/dashboard.css").contentType().startsWith("text/css"));
        for (String path : List.of("/ui/", "/ui/index.html", "/ui/..%2F..%2F..%2Fetc%2Fpasswd", "/ui/../pom.xml",
                "/etc/passwd", "/favicon.ico", "/ui/dashboard.js.map")) {
            assertEquals(404, web.get(path).status(), path);
        }
        assertEquals(405, web.send(web.request("/").POST(HttpRequest.BodyPublishers.noBody())).status());
    }

    @Test
    void metricsAreThePrometheusTextFormat() throws Exception {
        WebClient.Answer metrics = web.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        assertTrue(metrics.body().contains("\norchestrator_worker_events_in_total{engine=\"beta\",group=\"chain\","
                + "process=\"engine-beta-0\"} "), metrics.body());
    }

    @Test
    void theControlSocketServesTheSameRoutes() throws Exception {
        try (SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.connect(UnixDomainSocketAddress.of(chain.socket()));
            socket.write(ByteBuffer.wrap("GET /api/processes/engine-beta-0 HTTP/1.0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            String answer = new String(readAll(socket), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.contains("\"name\":\"chain:engine-beta-0\""), answer);
        }
    }

    private static byte[] readAll(SocketChannel socket) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        for (int n = socket.read(buf); n >= 0; n = socket.read(buf)) {
            out.write(buf.array(), 0, n);
            buf.clear();
        }
        return out.toByteArray();
    }
}
