package dev.orchestrator.engines.collectdgw;

import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.cases;
import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.load;
import static dev.orchestrator.engines.fidelity.FidelitySuiteTest.raising;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.RoutingKeys;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fidelity suite's collectdgw cases (resources/fidelity/collectdgw.json): what collectdgw.py on_collectd_event
 * published for each line (the original had no tests; the outputs were recorded by running it).
 */
class CollectdGatewayFidelityTest {

    private static final Logger LOG = LogManager.getLogger(CollectdGatewayFidelityTest.class);

    @TestFactory
    Stream<DynamicTest> collectdgw() throws Exception {
        return cases(load("collectdgw"), "body", true, c -> raising(() -> {
            ArrayNode published = JsonNodeFactory.instance.arrayNode();
            ObjectNode event = PutvalLine.toEvent(c.get("body").textValue(), 0, LOG);
            if (event != null) {
                published.addObject().put("exchange", "canopsis.events").put("rk", RoutingKeys.of(event)).set("event", event);
            }
            return published;
        }));
    }
}
