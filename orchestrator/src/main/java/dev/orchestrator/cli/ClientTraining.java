package dev.orchestrator.cli;

import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.ProcessState;
import dev.orchestrator.supervision.Supervisor.ConfigInfo;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the CLI's class-data archive (bin/orchestrator {@code --write-cds-archive}, run by
 * {@code mvn package}): every control command once, in this JVM, against a socket that answers each request with
 * an item (log text for tail and maintail) and a result holding every field the commands read, written by the
 * daemon's own {@link Protocol}; two commands find the socket through a configuration, by an {@code [include]} and by
 * {@code [supervisorctl] serverurl} as etc/ does. The JVM then archives the classes those runs loaded, so a real
 * command maps them instead of loading them from the jars (a class missing from the archive makes the JVM open its
 * jar).
 */
public final class ClientTraining {

    private static final List<List<String>> COMMANDS = List.of(List.of("status"), List.of("status", "--json"),
            List.of("start", "g:p"), List.of("stop", "--json", "g:p"), List.of("restart", "g:p"), List.of("pid"),
            List.of("pid", "g:p"), List.of("avail"), List.of("version"), List.of("tail", "g:p"),
            List.of("maintail", "-100"),
            List.of("reread"), List.of("update"), List.of("clear", "g:p"), List.of("status", "--help"),
            List.of("status", "--bad"), List.of("-c", "CONFIG", "status"), List.of("-c", "CLIENT_CONFIG", "status"));

    private ClientTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("orchestrator-cds");
        Path socket = dir.resolve("training.sock");
        Path config = Files.writeString(dir.resolve("supervisord.conf"), "[include]\nfiles = conf.d/*.conf\n");
        Path included = Files.writeString(Files.createDirectory(dir.resolve("conf.d")).resolve("socket.conf"),
                "[unix_http_server]\nfile=%(here)s/../training.sock\n");
        Path clientConfig = Files.writeString(dir.resolve("supervisorctl.conf"),
                "[supervisorctl]\nserverurl=unix://%(here)s/training.sock\n");
        Answers answers = Answers.make();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread daemon = new Thread(() -> serve(server, answers), "training-daemon");
            daemon.setDaemon(true);
            daemon.start();
            for (List<String> command : COMMANDS) {
                List<String> argv = new ArrayList<>();
                for (String arg : command) {
                    argv.add(arg.equals("CONFIG") ? config.toString()
                            : arg.equals("CLIENT_CONFIG") ? clientConfig.toString() : arg);
                }
                if (!argv.contains("-c")) argv.addAll(List.of("-s", "unix://" + socket));
                Main.run(argv.toArray(String[]::new), sink, sink);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(config);
            Files.deleteIfExists(clientConfig);
            Files.deleteIfExists(included);
            Files.deleteIfExists(included.getParent());
            Files.deleteIfExists(dir);
        }
    }

    /** The reply lines to a tail request and to any other: log text or an item, then the result. */
    private record Answers(byte[] tail, byte[] other) {
        static Answers make() throws IOException {
            ProcessInfo process = new ProcessInfo("p", "g", ProcessState.RUNNING, 1, 0, 2, null, 0, 1,
                    "pid 1, uptime 0:00:01", "/dev/null", "/dev/null",
                    Map.of("events_in", 1L, "rate_in", 1.0, "last_error", "none"));
            Map<String, Object> result = Map.of("processes", List.of(process),
                    "unknown", List.of(Outcome.failed("x", "BAD_NAME", "no such process")), "pid", 1,
                    "version", "training", "config", List.of(new ConfigInfo("p", "g", true, true, 999, 999)),
                    "added", List.of("g"), "changed", List.of(), "removed", List.of());
            String end = line(Reply.result(result));
            return new Answers((line(Reply.data("log\n")) + end).getBytes(UTF_8),
                    (line(Reply.item(Outcome.ok("g:p"))) + end).getBytes(UTF_8));
        }

        private static String line(Reply reply) throws IOException {
            return Protocol.JSON.writeValueAsString(reply) + "\n";
        }
    }

    private static void serve(ServerSocketChannel server, Answers answers) {
        while (true) {
            try (SocketChannel client = server.accept();
                 BufferedReader in = new BufferedReader(
                         new InputStreamReader(Channels.newInputStream(client), UTF_8))) {
                OutputStream out = Channels.newOutputStream(client);
                for (String request = in.readLine(); request != null; request = in.readLine()) {
                    out.write(request.contains("tail\",") ? answers.tail() : answers.other());
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
