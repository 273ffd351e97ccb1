package dev.orchestrator.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.RoutingKeys;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Events from a file, one JSON object a line (blank lines are skipped). A line that is not a JSON object, or an
 * event without the fields of a Canopsis routing key, is reported as {@code FILE:LINE: reason} and skipped.
 */
public final class EventFile implements EventSource, Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final BufferedReader reader;
    private final Consumer<String> badLine;
    private int lineNumber;
    private long bad;

    public EventFile(Path path, Consumer<String> badLine) throws IOException {
        this.path = path;
        this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        this.badLine = badLine;
    }

    @Override
    public ObjectNode next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            String problem;
            try {
                JsonNode node = JSON.readTree(line);
                if (node instanceof ObjectNode event) {
                    RoutingKeys.of(event);
                    return event;
                }
                problem = "not a JSON object";
            } catch (JsonProcessingException e) {
                problem = "not valid JSON: " + e.getOriginalMessage();
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            bad++;
            badLine.accept(path + ":" + lineNumber + ": " + problem + ", skipped");
        }
        return null;
    }

    /** Lines reported and skipped so far. */
    @Override
    public long skipped() {
        return bad;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
