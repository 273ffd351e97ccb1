package dev.orchestrator.control.rpc;

import dev.orchestrator.control.server.LogTail;
import dev.orchestrator.http.HttpError;
import dev.orchestrator.http.HttpExchange;
import dev.orchestrator.http.HttpHandler;
import dev.orchestrator.supervision.ProcessInfo;
import dev.orchestrator.supervision.Supervisor;
import dev.orchestrator.xmlrpc.RpcFault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * supervisord's {@code /logtail/NAME[/stdout|/stderr]} and {@code /mainlogtail} ({@code supervisor/http.py},
 * {@code logtail_handler}, {@code mainlogtail_handler}, {@code tail_f_producer}), which {@code supervisorctl tail -f}
 * and {@code maintail -f} read: the last 1024 bytes of the file, then what is appended, streamed until the client
 * goes (rotation and clearing followed). Not GET: 400; an unknown process, channel or a missing log file: 404.
 */
public final class LogtailHandler implements HttpHandler {

    public static final String PROCESS_PREFIX = "/logtail/";
    public static final String MAIN_PATH = "/mainlogtail";
    /** How long the stream sleeps when the file has nothing new (supervisord's producer delay). */
    static final long POLL_MS = 100;
    private static final int HEAD = 1024;

    /** Finds the file a request names, or throws HttpError. */
    @FunctionalInterface
    private interface Locator {
        Path locate(String path);
    }

    private final Locator locator;

    private LogtailHandler(Locator locator) {
        this.locator = locator;
    }

    /** {@code /logtail/NAME[/CHANNEL]}. */
    public static LogtailHandler processLogs(Supervisor supervisor) {
        Targets targets = new Targets(supervisor);
        return new LogtailHandler(path -> {
            String rest = path.substring(PROCESS_PREFIX.length());
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            String channel = slash < 0 ? "stdout" : rest.substring(slash + 1);
            ProcessInfo p;
            try {
                p = targets.process(name);
            } catch (RpcFault e) {
                throw new HttpError(404, "no such process: " + name);
            }
            String file = switch (channel) {
                case "stdout" -> p.stdoutLogfile();
                case "stderr" -> p.stderrLogfile();
                default -> throw new HttpError(404, "no such channel: " + channel + " (expected stdout or stderr)");
            };
            if (file == null || file.isEmpty()) throw new HttpError(404, "no " + channel + " log file for " + name);
            return Path.of(file);
        });
    }

    /** {@code /mainlogtail}: the daemon's log file. */
    public static LogtailHandler mainLog(Path mainLog) {
        return new LogtailHandler(path -> {
            if (mainLog == null) throw new HttpError(404, "no main log file");
            return mainLog;
        });
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.request().method().equals("GET")) throw new HttpError(400, "logtail takes GET requests");
        Path file = locator.locate(exchange.request().path());
        if (!Files.exists(file)) throw new HttpError(404, "no log file yet: " + file);
        LogTail tail = new LogTail(file, HEAD);
        exchange.header("X-Accel-Buffering", "no");
        try (OutputStream out = exchange.stream(200, "text/plain;charset=utf-8")) {
            while (!exchange.clientGone()) {
                String chunk = tail.read();
                if (!chunk.isEmpty()) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                } else {
                    Thread.sleep(POLL_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
