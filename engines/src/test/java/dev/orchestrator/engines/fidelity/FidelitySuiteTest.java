package dev.orchestrator.engines.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orchestrator.engines.cleaner.PerfDataParser;
import dev.orchestrator.engines.filter.MFilter;
import dev.orchestrator.engines.perfdata.Perfdata;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fidelity suite: for each engine, inputs and what the original Canopsis code gave for them ({@code original}),
 * recorded by running the originals ({@code src/test/python/originals.py}, Python 2.7, the 2016 and 2018 trees).
 * Each case's output here must be byte for byte (JSON with sorted keys) the original's, or the case's {@code ours}
 * with a {@code differs} saying why; docs/engines.md lists the differences.
 */
public class FidelitySuiteTest {

    private static final String ERROR = "error";
    private static final Logger LOG = LogManager.getLogger(FidelitySuiteTest.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @TestFactory
    Stream<DynamicTest> mfilter() throws Exception {
        JsonNode doc = load("mfilter");
        return cases(doc, "filter", c -> {
            MFilter filter;
            try {
                filter = MFilter.compile(c.get("filter"));
            } catch (IllegalArgumentException e) {
                return TextNode.valueOf("rejected: " + e.getMessage());
            }
            JsonNode event = c.has("event") ? c.get("event") : doc.get("event");
            return BooleanNode.valueOf(filter.matches((ObjectNode) event.deepCopy()));
        });
    }

    /** The parser raised where the original raised: both callers log the error and go on without those metrics. */
    @TestFactory
    Stream<DynamicTest> perfdataParser() throws Exception {
        return cases(load("perfdata_parser"), "perf_data", true, c -> raising(() -> {
            ArrayNode out = JSON.createArrayNode();
            out.addAll(PerfDataParser.parse(c.get("perf_data").textValue()));
            return out;
        }));
    }

    /** The task raised where the original raised: the event goes to the error queue (the original lost it). */
    @TestFactory
    Stream<DynamicTest> perfdata() throws Exception {
        return cases(load("perfdata"), "event", true, c -> raising(() -> {
            ObjectNode event = c.get("event").deepCopy();
            Perfdata.eventProcessing(null, event, LOG, Map.of());
            return event;
        }));
    }

    /** The output, or "error" when the engine raised. */
    public static JsonNode raising(Callable<JsonNode> engine) {
        try {
            return engine.call();
        } catch (Exception e) {
            return TextNode.valueOf(ERROR);
        }
    }

    public static JsonNode load(String engine) throws Exception {
        try (InputStream in = FidelitySuiteTest.class.getResourceAsStream("/fidelity/" + engine + ".json")) {
            return JSON.readTree(in);
        }
    }

    public static Stream<DynamicTest> cases(JsonNode doc, String input, Function<JsonNode, JsonNode> ours) {
        return cases(doc, input, false, ours);
    }

    /**
     * One dynamic test per case, named by its input field: ours must be what the case expects; with
     * {@code raisingIsFaithful}, {@link #ERROR} stands for any exception where the original raised.
     */
    public static Stream<DynamicTest> cases(JsonNode doc, String input, boolean raisingIsFaithful, Function<JsonNode, JsonNode> ours) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : doc.get("cases")) {
            String name = c.get(input).toString();
            tests.add(DynamicTest.dynamicTest(name.length() > 100 ? name.substring(0, 100) : name, () -> {
                JsonNode original = c.get("original");
                JsonNode expected = c.has("ours") ? c.get("ours") : original;
                if (c.has("ours")) {
                    assertTrue(c.hasNonNull("differs") && !c.get("differs").asText().isBlank(),
                            "a case whose expected output is not the original's says why in 'differs'");
                    assertTrue(!canonical(expected).equals(canonical(original)), "'ours' equals the original's: drop it");
                } else if (raised(original) && !raisingIsFaithful) {
                    fail("the original raised (" + original.textValue() + "): the case needs 'ours' and 'differs'");
                }
                JsonNode actual = ours.apply(c);
                if (raisingIsFaithful && raised(expected) && actual.isTextual() && actual.textValue().equals(ERROR)) return;
                assertEquals(canonical(expected), canonical(actual));
            }));
        }
        return tests.stream();
    }

    private static boolean raised(JsonNode output) {
        return output.isTextual() && output.textValue().startsWith(ERROR + ": ");
    }

    public static String canonical(JsonNode node) throws Exception {
        return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
    }
}
