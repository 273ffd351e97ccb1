package dev.orchestrator.engines.cleaner;

import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.cases;
import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.load;
import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.raising;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fidelity suite's cleaner cases (resources/fidelity/cleaner.json): engines/cleaner.py work of 2016 and 2018 on
 * events, and on bodies that are not JSON (the original's string path). A raise is faithful: the original lost the
 * event, here it goes to the error queue.
 */
class CleanerFidelityTest {

    private static final Logger LOG = LogManager.getLogger(CleanerFidelityTest.class);

    @TestFactory
    Stream<DynamicTest> cleaner() throws Exception {
        return cases(load("cleaner"), "rk", true, c -> raising(() -> {
            String rk = c.get("rk").textValue();
            ObjectNode event = c.has("body") ? decode(c.get("body").textValue(), rk) : (ObjectNode) c.get("event").deepCopy();
            boolean coerceState = !c.path("version").asText("2018").equals("2016");
            return Cleaner.normalise(event, rk, coerceState, 0, LOG);
        }));
    }

    /** As the worker does: JSON first, then the cleaner's own fallbacks. */
    private static ObjectNode decode(String body, String rk) throws Exception {
        try {
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            if (node instanceof ObjectNode event) return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the worker's decoding failed: the engine's turn
        }
        return Cleaner.decode(body.getBytes(StandardCharsets.UTF_8), rk, LOG);
    }
}
