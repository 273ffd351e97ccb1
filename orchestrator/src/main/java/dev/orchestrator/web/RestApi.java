package dev.orchestrator.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.config.ConfigLoader;
import dev.orchestrator.config.Configuration;
import dev.orchestrator.control.client.QueueTable;
import dev.orchestrator.control.client.StatusTable;
import dev.orchestrator.control.protocol.Outcome;
import dev.orchestrator.control.protocol.Protocol;
import dev.orchestrator.control.protocol.Reply;
import dev.orchestrator.control.protocol.Request;
import dev.orchestrator.control.protocol.Wire;
import dev.orchestrator.control.server.ControlService;
import dev.orchestrator.http.HttpExchange;
import dev.orchestrator.http.HttpHandler;
import dev.orchestrator.http.HttpRequest;
import dev.orchestrator.logging.LogWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REST API under {@code /api/} (docs/control.md): JSON in and out, the control socket's operations through the
 * same {@link ControlService}, so that both say and do the same. Unknown names are 404, bad parameters or bodies
 * 400, state-changing requests without the {@link CsrfGuard}'s token 403; each with {@code {"error": {...}}}.
 */
final class RestApi implements HttpHandler {

    static final String PREFIX = "/api/";
    /** Largest request body read (JSON parameters only). */
    static final int MAX_BODY = 64 * 1024;
    private static final Set<String> PROCESS_ACTIONS = Set.of("start", "stop", "restart", "clear");
    /** Faults that leave the process where start, stop or restart asked it to be: the request succeeded. */
    private static final Set<String> ALREADY_THERE = Set.of("ALREADY_STARTED", "NOT_RUNNING");

    private final ControlService control;
    private final CsrfGuard csrf;
    private final Supplier<Path> mainFile;

    RestApi(ControlService control, CsrfGuard csrf, Supplier<Path> mainFile) {
        this.control = control;
        this.csrf = csrf;
        this.mainFile = mainFile;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpRequest request = exchange.request();
        Object answer;
        try {
            answer = dispatch(request, segments(request.path()), Query.of(request.query()));
        } catch (ApiError e) {
            Json.respond(exchange, e.status(), e.body());
            return;
        }
        Json.respond(exchange, 200, answer);
    }

    private Object dispatch(HttpRequest request, List<String> path, Query query) throws ApiError, IOException {
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        String first = path.isEmpty() ? "" : path.get(0);
        boolean write = method.equals("POST");
        if (!write && !method.equals("GET")) throw new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed");
        if (write) csrf.check(request);
        return switch (first) {
            case "session" -> only(path, 1, method, "GET", () -> Map.of("token", csrf.token()));
            case "processes" -> processes(request, path, query, method);
            case "groups" -> groups(path, method);
            case "pipeline" -> only(path, 1, method, "GET", () -> call(Request.of("pipeline")).result());
            case "queues" -> only(path, 1, method, "GET",
                    () -> Map.of("queues", QueueTable.json(call(Request.of("pipeline")).result())));
            case "errors" -> errors(request, path, query, method);
            case "config" -> {
                if (path.size() != 2 || !path.get(1).equals("check")) throw notFound(path);
                yield only(path, 2, method, "GET", this::check);
            }
            default -> throw notFound(path);
        };
    }

    // ---- processes and groups ----------------------------------------------------------------------------------

    private Object processes(HttpRequest request, List<String> path, Query query, String method)
            throws ApiError, IOException {
        if (path.size() == 1) return only(path, 1, method, "GET", () -> status(List.of()));
        String name = path.get(1);
        if (path.size() == 2) {
            expect(method, "GET");
            JsonNode found = status(List.of(name));
            if (found.get("processes").isEmpty()) throw ApiError.notFound("no such process: " + name);
            return found.get("processes").get(0);
        }
        if (path.size() != 3) throw notFound(path);
        String action = path.get(2);
        if (action.equals("log")) {
            expect(method, "GET");
            return log(name, query);
        }
        if (action.equals("signal")) {
            expect(method, "POST");
            JsonNode body = Json.object(request.body(), MAX_BODY, Set.of("signal"));
            if (!body.path("signal").isTextual() && !body.path("signal").isInt()) {
                throw ApiError.badRequest("give the signal: {\"signal\": \"HUP\"} (a name or a number)");
            }
            return outcomes(name, call(Request.signal(body.get("signal").asText(), List.of(name))).items(), Set.of());
        }
        if (!PROCESS_ACTIONS.contains(action)) throw notFound(path);
        expect(method, "POST");
        Json.object(request.body(), MAX_BODY, Set.of());
        return act(name, action);
    }

    private Object groups(List<String> path, String method) throws ApiError, IOException {
        if (path.size() == 1) {
            expect(method, "GET");
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (JsonNode p : status(List.of()).get("processes")) {
                groups.computeIfAbsent(p.get("group").asText(), g -> new ArrayList<>()).add(p.get("name").asText());
            }
            List<Map<String, Object>> list = new ArrayList<>();
            groups.forEach((g, members) -> list.add(Map.of("name", g, "processes", members)));
            return Map.of("groups", list);
        }
        if (path.size() != 3 || !Set.of("start", "stop", "restart").contains(path.get(2))) throw notFound(path);
        expect(method, "POST");
        return act(path.get(1) + ":*", path.get(2));
    }

    private JsonNode status(List<String> names) throws ApiError, IOException {
        JsonNode result = call(Request.of("status", names)).result();
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Object> processes = new ArrayList<>();
        for (JsonNode p : result.get("processes")) {
            processes.add(StatusTable.json(Wire.process(p)));
        }
        doc.put("processes", processes);
        return Protocol.JSON.valueToTree(doc);
    }

    /** start, stop, clear as the control socket does them; restart is stop then start, as supervisorctl does. */
    private Object act(String name, String action) throws ApiError, IOException {
        List<Outcome> results = new ArrayList<>();
        if (action.equals("restart")) {
            results.addAll(call(Request.of("stop", List.of(name), true)).items());
            results.addAll(call(Request.of("start", List.of(name), true)).items());
        } else {
            results.addAll(call(action.equals("clear") ? Request.of("clear", List.of(name))
                    : Request.of(action, List.of(name), true)).items());
        }
        return outcomes(name, results, action.equals("clear") ? Set.of() : ALREADY_THERE);
    }

    /** The outcomes of a request on {@code name}: all unknown 404, a failure not {@code harmless} 409, else 200. */
    private static Object outcomes(String name, List<Outcome> results, Set<String> harmless) throws ApiError {
        if (!results.isEmpty() && results.stream().allMatch(o -> "BAD_NAME".equals(o.fault()))) {
            throw ApiError.notFound(results.get(0).message() + ": " + name).with(results);
        }
        Outcome failed = results.stream().filter(o -> !o.succeeded() && !harmless.contains(o.fault()))
                .findFirst().orElse(null);
        if (failed != null) {
            throw new ApiError(409, failed.fault(), failed.name() + ": " + failed.message()).with(results);
        }
        return Map.of("results", results);
    }

    private Object log(String name, Query query) throws ApiError, IOException {
        query.only(Set.of("offset", "length", "channel"));
        String channel = query.text("channel", "stdout");
        if (!channel.equals("stdout") && !channel.equals("stderr")) throw ApiError.badRequest("bad channel '" + channel + "'");
        JsonNode processes = status(List.of(name)).get("processes");
        if (processes.isEmpty()) throw ApiError.notFound("no such process: " + name);
        JsonNode file = processes.get(0).get(channel + "_logfile");
        if (file == null || file.isNull() || file.asText().isBlank()) throw ApiError.notFound("no log file");
        int length = query.number("length", 1600, 0, LogWindow.MAX_LENGTH);
        Long offset = query.has("offset") ? (long) query.number("offset", 0, 0, Integer.MAX_VALUE) : null;
        return LogWindow.tail(Path.of(file.asText()), offset, length);
    }

    // ---- pipeline ----------------------------------------------------------------------------------------------

    private Object errors(HttpRequest request, List<String> path, Query query, String method)
            throws ApiError, IOException {
        if (path.size() == 2) {
            expect(method, "GET");
            query.only(Set.of("limit"));
            return call(Request.errors(path.get(1), query.number("limit", 20, 1, 1000))).result();
        }
        if (path.size() != 3 || !path.get(2).equals("replay")) throw notFound(path);
        expect(method, "POST");
        JsonNode body = Json.object(request.body(), MAX_BODY, Set.of("ids", "all"));
        boolean all = body.path("all").asBoolean(false);
        JsonNode ids = body.get("ids");
        if (all == (ids != null)) throw ApiError.badRequest("give either \"ids\": [...] or \"all\": true");
        List<String> chosen = null;
        if (!all) {
            if (!ids.isArray() || ids.isEmpty()) throw ApiError.badRequest("\"ids\" must be a non-empty array of ids");
            Set<String> set = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                if (!id.isTextual()) throw ApiError.badRequest("\"ids\" must hold strings");
                set.add(id.asText());
            }
            chosen = List.copyOf(set);
        }
        return call(Request.replay(path.get(1), chosen)).result();
    }

    private Object check() {
        Configuration configuration = ConfigLoader.load(mainFile.get());
        List<Map<String, String>> problems = configuration.problems().stream().map(p -> Map.of(
                "severity", p.severity().name().toLowerCase(), "where", String.valueOf(p.source()),
                "message", p.message(), "line", p.toString())).toList();
        return Map.of("file", configuration.mainFile().toString(), "ok", !configuration.hasErrors(), "problems", problems);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    /** A control request's outcome lines and final result; a final error becomes the matching HTTP status. */
    private record Answer(List<Outcome> items, JsonNode result) {}

    private Answer call(Request request) throws ApiError, IOException {
        List<Outcome> items = new ArrayList<>();
        Reply[] last = new Reply[1];
        control.handle(request, reply -> {
            if (reply.item() != null) items.add(reply.item());
            else if (reply.result() != null || reply.error() != null) last[0] = reply;
        });
        Reply.Error error = last[0] == null ? new Reply.Error("FAILED", "no answer") : last[0].error();
        if (error != null) {
            int status = switch (error.fault()) {
                case "BAD_NAME", "NO_FILE" -> 404;
                case "INCORRECT_PARAMETERS", "BAD_ARGUMENTS" -> 400;
                default -> 503;
            };
            throw new ApiError(status, error.fault(), error.message());
        }
        return new Answer(items, last[0].result());
    }

    @FunctionalInterface
    private interface Body {
        Object get() throws ApiError, IOException;
    }

    private static Object only(List<String> path, int size, String method, String allowed, Body body)
            throws ApiError, IOException {
        if (path.size() != size) throw notFound(path);
        expect(method, allowed);
        return body.get();
    }

    private static void expect(String method, String allowed) throws ApiError {
        if (!method.equals(allowed)) throw new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed here: use " + allowed);
    }

    private static ApiError notFound(List<String> path) {
        return new ApiError(404, "NOT_FOUND", "no such resource: " + PREFIX + String.join("/", path));
    }

    /** The path's segments after {@code /api/}, empty ones dropped. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(Math.min(path.length(), PREFIX.length())).split("/")) {
            if (!s.isEmpty()) segments.add(s);
        }
        return segments;
    }
}
