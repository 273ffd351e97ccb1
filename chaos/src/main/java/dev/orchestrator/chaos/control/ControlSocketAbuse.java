package dev.orchestrator.chaos.control;

import dev.orchestrator.chaos.Cli;
import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 8: the control socket under abuse: garbage, binary junk, malformed and oversized requests, requests cut
 * short, more clients than the daemon serves at once, many concurrent CLI clients, and a client of another user
 * (nobody, refused by the socket's 0600 mode). Every bad request gets an error reply (or a fault for a bad name) or a
 * refusal; afterwards the
 * same daemon still answers {@code status} with every worker RUNNING.
 */
public final class ControlSocketAbuse implements Scenario {

    private static final Duration REPLY = Duration.ofSeconds(10);
    static final int CONNECTIONS = 200;
    static final int CLI_CLIENTS = 32;
    static final int CLI_REQUESTS = 5;

    @Override public int number() { return 8; }

    @Override public String title() { return "control socket abuse"; }

    @Override
    public Figures run(Lab lab) throws Exception {
        String uri = lab.vhost().uri();
        Installation installation = new Installation(lab.scratch("s8-control"), List.of("chaos_a"), 2).write();
        DaemonProcess daemon = DaemonProcess.start(lab, installation, uri);
        Path socket = installation.socket();
        List<String> failures = new ArrayList<>();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(socket);
        if (!mode.equals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))) {
            failures.add("socket mode " + PosixFilePermissions.toString(mode) + ", expected rw-------");
        }
        int errorReplies = 0;
        try (SocketAbuse idle = SocketAbuse.connect(socket)) {
            List<byte[]> bad = new ArrayList<>(List.of(bytes("hello daemon\n"), bytes("\n"), bytes("null\n"),
                    bytes("[]\n"), bytes("42\n"), bytes("{\"method\":\"nope\"}\n"), bytes("{\"method\":null}\n"),
                    bytes("{\"method\":\"stop\",\"names\":\"notalist\"}\n"),
                    bytes("{\"method\":\"status\",\"names\":[1,{}]}\n"),
                    bytes("{\"method\":\"status\",\"unknown\":true}\n"),
                    bytes("{\"method\":\"tail\",\"names\":[\"nope\"],\"bytes\":-5}\n"),
                    bytes("{\"method\":\"start\",\"names\":[\"../../etc/passwd\"]}\n"),
                    bytes("[".repeat(20_000) + "\n"), concat(SocketAbuse.junk(new Random(lab.seed()), 4096), bytes("\n")),
                    concat(SocketAbuse.repeat('x', 200_000), bytes("\n"))));
            for (byte[] request : bad) {
                try (SocketAbuse client = SocketAbuse.connect(socket)) {
                    long t0 = System.nanoTime();
                    String reply = client.send(request).readLine(REPLY);
                    if (System.nanoTime() - t0 > 1e9) lab.log("slow reply to " + describe(request) + ": " + (System.nanoTime() - t0) / 1e9 + " s");
                    if (reply != null && (reply.contains("\"error\"") || reply.contains("\"fault\""))) errorReplies++;
                    else failures.add("no error reply to " + describe(request) + ": " + reply);
                }
            }
            try (SocketAbuse client = SocketAbuse.connect(socket)) {
                String reply = client.send(concat(SocketAbuse.repeat('y', 100_000), bytes("\n{\"method\":\"status\"}\n")))
                        .readLine(REPLY);
                String next = client.readLine(REPLY);
                if (reply == null || !reply.contains("\"error\"") || next == null || !next.contains("\"result\"")) {
                    failures.add("an oversized line then a good request on one connection: " + reply + " / " + next);
                } else {
                    errorReplies++;
                }
            }
            try (SocketAbuse client = SocketAbuse.connect(socket)) {
                client.send("{\"method\":\"stat");
                client.shutdownOutput();
                client.readLine(REPLY);
            }
            lab.log("bad requests answered");
            int refused = crowd(socket);
            lab.log(refused + " of " + CONNECTIONS + " simultaneous connections refused");
            if (refused == 0) failures.add("none of " + CONNECTIONS + " simultaneous connections was refused");
            int cliFailures = concurrentCli(installation);
            if (cliFailures > 0) failures.add(cliFailures + " concurrent CLI status calls failed");
            lab.log("concurrent CLI done");
            String otherUser = otherUser(socket);
            if (otherUser != null) failures.add(otherUser);
            if (!idle.send("{\"method\":\"version\"}\n").readLine(REPLY).contains("\"result\"")) {
                failures.add("the idle client got no answer at the end");
            }
            String notes = errorReplies + " of " + (bad.size() + 1) + " bad requests answered with an error, 1 cut short;"
                    + " " + refused + " of "
                    + CONNECTIONS + " simultaneous connections refused (too many clients); " + CLI_CLIENTS + "x"
                    + CLI_REQUESTS + " concurrent CLI status OK; socket rw-------, user nobody refused";
            if (!daemon.alive()) failures.add("the daemon died");
            else if (daemon.running() != 2) failures.add("status after the abuse: " + daemon.running() + " RUNNING");
            return Figures.checks(notes + "; daemon pid " + daemon.pid() + " still answers",
                    failures.isEmpty() ? null : String.join("; ", failures));
        }
    }

    /** Opens {@link #CONNECTIONS} connections at once, each asking for the version; returns how many were refused. */
    private static int crowd(Path socket) throws IOException {
        List<SocketAbuse> open = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < CONNECTIONS; i++) open.add(SocketAbuse.connect(socket));
            for (SocketAbuse c : open) {
                try {
                    c.send("{\"method\":\"version\"}\n");
                } catch (IOException e) {
                    // a refused connection is closed after its error reply, which is still to be read
                }
            }
            for (SocketAbuse c : open) {
                String reply;
                try {
                    reply = c.readLine(REPLY);
                } catch (IOException e) {
                    reply = null;
                }
                if (reply != null && reply.contains("too many clients")) refused++;
            }
        } finally {
            for (SocketAbuse c : open) c.close();
        }
        return refused;
    }

    private static int concurrentCli(Installation installation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLI_CLIENTS);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CLI_CLIENTS; i++) {
                calls.add(pool.submit(() -> {
                    int failed = 0;
                    for (int k = 0; k < CLI_REQUESTS; k++) {
                        if (Cli.run(installation.mainFile(), "status").exit() != 0) failed++;
                    }
                    return failed;
                }));
            }
            int failed = 0;
            for (Future<Integer> f : calls) failed += f.get(120, TimeUnit.SECONDS);
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Connects as user nobody with socat; null when refused as it must be, else what went wrong. */
    private static String otherUser(Path socket) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "socat", "-u", "OPEN:/dev/null",
                "UNIX-CONNECT:" + socket).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "socat as nobody hung";
        }
        if (p.exitValue() == 0) return "user nobody could connect to the control socket";
        if (!output.contains("Permission denied")) return "user nobody failed for another reason: " + output;
        return null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String describe(byte[] request) {
        String s = new String(request, 0, Math.min(request.length, 40), StandardCharsets.ISO_8859_1)
                .replaceAll("[^ -~]", "?");
        return "'" + s + (request.length > 40 ? "...' (" + request.length + " bytes)" : "'");
    }
}
