package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.List;

/**
 * {@code errors ENGINE}: the events in the engine's error queue with why each failed (left in place);
 * {@code --replay ID...} or {@code --replay-all} moves them back to the engine's queue, at least once (each copy
 * confirmed by the broker before its original is removed). Exit 1 when an id is not found or the broker refuses.
 */
final class ErrorsCommand extends ControlCommand {

    private static final String DEFAULT_LIMIT = "20";

    static final CommandSyntax SYNTAX = CommandSyntax.of("errors",
                    new CommandSyntax.Flag(List.of("-n", "--limit"), "N",
                            "List at most N events (default: " + DEFAULT_LIMIT + ", at most 1000)."),
                    new CommandSyntax.Flag(List.of("--replay"), "ID", "Replay these events (ids as listed).", true),
                    CommandSyntax.Flag.of("--replay-all", "Replay every event of the error queue."),
                    CommandSyntax.Flag.of("--json", "Print JSON."))
            .describedAs("List the events of ENGINE's error queue with their reasons, or replay some "
                    + "(--replay ID...) or all (--replay-all) to the engine's queue.")
            .withOperands("ENGINE", "The engine's name, e.g. cleaner_events.");

    private String engine;
    private int limit;

    @Override
    String usageError() {
        if (names().isEmpty()) return "errors requires an engine name";
        if (names().size() > 1) return "errors takes one engine name, not " + names().size();
        if (args.flag("--replay-all") && !args.values("--replay").isEmpty()) {
            return "--replay and --replay-all exclude each other";
        }
        engine = names().get(0);
        String n = args.value("--limit", DEFAULT_LIMIT);
        try {
            limit = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return "--limit: '" + n + "' is not a whole number";
        }
        return null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
        boolean replayAll = args.flag("--replay-all");
        List<String> replay = args.values("--replay");
        boolean json = args.flag("--json");
        if (replayAll || !replay.isEmpty()) {
            JsonNode done = client.call(Request.replay(engine, replayAll ? null : replay));
            if (json) {
                json(done);
                return;
            }
            for (JsonNode id : done.path("notFound")) {
                out(id.asText() + ": ERROR (no such event in " + engine + "'s error queue)");
                fail(GENERIC);
            }
            out(engine + ": replayed " + done.path("replayed").asInt() + " event(s)");
            return;
        }
        JsonNode listed = client.call(Request.errors(engine, limit));
        if (json) {
            json(listed);
            return;
        }
        JsonNode events = listed.path("events");
        if (events.isEmpty()) out(engine + ": no events in the error queue");
        for (JsonNode e : events) {
            out(e.path("id").asText() + "  " + e.path("time").asText("-") + "  worker " + e.path("worker").asText("-")
                    + "  " + e.path("exception").asText("-") + ": " + e.path("reason").asText(""));
            String body = e.path("body").asText("");
            out("    " + (body.length() > 200 ? body.substring(0, 200) + "..." : body).replace('\n', ' '));
        }
    }
}
