package dev.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.control.client.ControlClient;
import dev.orchestrator.control.client.ControlClient.RemoteError;
import dev.orchestrator.control.protocol.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code errors ENGINE}: the events in the engine's error queue with why each failed (left in place);
 * {@code --replay ID...} or {@code --replay-all} moves them back to the engine's queue, at least once (each copy
 * confirmed by the broker before its original is removed). Exit 1 when an id is not found or the broker refuses.
 */
@Command(name = "errors", description = {"List the events of ENGINE's error queue with their reasons, or replay some "
        + "(--replay ID...) or all (--replay-all) to the engine's queue."})
final class ErrorsCommand extends ControlCommand {

    @Parameters(paramLabel = "ENGINE", arity = "0..1", description = "The engine's name, e.g. cleaner_events.")
    String engine;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "List at most N events (default: ${DEFAULT-VALUE}, at most 1000).")
    int limit;

    @Option(names = "--replay", paramLabel = "ID", arity = "1..*", description = "Replay these events (ids as listed).")
    List<String> replay = new ArrayList<>();

    @Option(names = "--replay-all", description = "Replay every event of the error queue.")
    boolean replayAll;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    String usageError() {
        if (engine == null) return "errors requires an engine name";
        if (replayAll && !replay.isEmpty()) return "--replay and --replay-all exclude each other";
        return null;
    }

    @Override
    void run(ControlClient client) throws IOException, RemoteError {
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
