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
import dev.orchestrator.engines.filter.MFilter;
import java.io.InputStream;
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
class FidelitySuiteTest {

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

    static JsonNode load(String engine) throws Exception {
        try (InputStream in = FidelitySuiteTest.class.getResourceAsStream("/fidelity/" + engine + ".json")) {
            return JSON.readTree(in);
        }
    }

    /** One dynamic test per case, named by its input field: ours must be what the case expects. */
    static Stream<DynamicTest> cases(JsonNode doc, String input, Function<JsonNode, JsonNode> ours) {
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
                } else if (original.isTextual() && original.textValue().startsWith("error: ")) {
                    fail("the original raised (" + original.textValue() + "): the case needs 'ours' and 'differs'");
                }
                assertEquals(canonical(expected), canonical(ours.apply(c)));
            }));
        }
        return tests.stream();
    }

    static String canonical(JsonNode node) throws Exception {
        return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
    }
}
