package dev.orchestrator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code status_vs_supervisorctl} rests on (docs/benchmark.md): the built launcher runs {@code orchestrator
 * status} with every class from the class-data archive that the build wrote (none read from a jar) and without
 * linking a lambda of ours. Here, after the orchestrator module is packaged, on the real launcher and archive,
 * against a socket that answers as the daemon does, through a configuration with an {@code [include]} as etc/ has.
 */
class ControlStartupTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String REPLY = "{\"result\":{\"unknown\":[],\"processes\":[{\"name\":\"engine-tag-0\","
            + "\"group\":\"amqp2engines\",\"state\":\"RUNNING\",\"description\":\"pid 1, uptime 0:00:01\"}]}}\n";

    @TempDir
    Path dir;

    @Test
    void statusLoadsEveryClassFromTheArchiveAndLinksNoLambdaOfOurs() throws Exception {
        Path socket = dir.resolve("orchestrator.sock");
        Path main = Files.writeString(dir.resolve("supervisord.conf"), "[include]\nfiles = conf.d/*.conf\n");
        Files.writeString(Files.createDirectory(dir.resolve("conf.d")).resolve("control.conf"),
                "[unix_http_server]\nfile = %(here)s/../orchestrator.sock\n");
        Path classLog = dir.resolve("classes.log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread daemon = new Thread(() -> answerOnce(server), "fake-daemon");
            daemon.start();
            ProcessBuilder status = new ProcessBuilder(HOME.resolve("orchestrator/bin/orchestrator").toString(),
                    "-c", main.toString(), "status").redirectErrorStream(true);
            status.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classLog);
            Process cli = status.start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, cli.exitValue(), output);
            assertTrue(output.lines().anyMatch(l -> l.startsWith("amqp2engines:engine-tag-0 ")
                    && l.endsWith(" RUNNING   pid 1, uptime 0:00:01")), output);
            daemon.join(10_000);
        }
        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.size() > 500, "the class-load log is empty: " + loaded.size());
        List<String> fromJars = loaded.stream().filter(l -> !l.contains("source: shared objects file"))
                .filter(l -> !l.contains("__JVM_LookupDefineClass__")) // the JVM's own method-handle forms
                .filter(l -> !l.contains(" jdk.internal.event.")) // never archived (JFR instruments them)
                .toList();
        assertEquals(List.of(), fromJars, "classes read from the jars, not the archive: retrain ClientTraining");
        List<String> lambdas = loaded.stream().filter(l -> l.contains(" dev.orchestrator.") && l.contains("$$Lambda"))
                .toList();
        assertEquals(List.of(), lambdas, "lambdas linked on the status path");
    }

    private static void answerOnce(ServerSocketChannel server) {
        try (SocketChannel client = server.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                     StandardCharsets.UTF_8))) {
            String request = in.readLine();
            assertTrue(request.contains("\"method\":\"status\""), request);
            Channels.newOutputStream(client).write(REPLY.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
