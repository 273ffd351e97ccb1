package dev.orchestrator.engines.perfdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.cleaner.PerfDataParser;
import dev.orchestrator.api.EngineContext;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Logger;

/**
 * Canopsis' perfdata engine task ({@code canopsis.perfdata.process.event_processing}) without the time-series
 * storage: {@code perf_data} is parsed into {@code perf_data_array} unless its metrics are there already (the cleaner
 * parsed it), check, selector and sla events get the {@code cps_state} metric ({@code state*100 + state_type*10}),
 * and null-valued keys are dropped from every metric. A {@code perf_data_array} that is not a list is an error.
 */
public final class Perfdata {

    /** The task's name, the one Canopsis' amqp2engines.conf gives to {@code event_processing}. */
    public static final String TASK = "canopsis.perfdata.process.event_processing";

    private static final Set<String> STATEFUL = Set.of("check", "selector", "sla");
    private static final String CPS_STATE = "cps_state";

    private Perfdata() { }

    /** The {@link dev.orchestrator.api.EventTask}: enriches the event in place and forwards it. */
    public static ObjectNode eventProcessing(EngineContext engine, ObjectNode event, Logger logger, Map<String, String> params) {
        enrich(event, logger);
        return null;
    }

    static void enrich(ObjectNode event, Logger logger) {
        JsonNode existing = event.get("perf_data_array");
        if (existing != null && !existing.isNull() && !existing.isArray()) {
            throw new IllegalArgumentException("perf_data_array is not a list but " + existing.getNodeType().name().toLowerCase());
        }
        ArrayNode metrics = existing instanceof ArrayNode list ? list : event.putArray("perf_data_array");
        JsonNode perfData = event.get("perf_data");
        if (perfData != null && perfData.isTextual() && !perfData.textValue().isEmpty()) {
            try {
                for (ObjectNode metric : PerfDataParser.parse(perfData.textValue())) {
                    if (find(metrics, metric.get("metric").asText()) == null) metrics.add(metric);
                }
            } catch (IllegalArgumentException e) {
                logger.error("Impossible to parse perfdata '{}': {}", perfData.textValue(), e.getMessage());
            }
        }
        if (STATEFUL.contains(event.path("event_type").asText())) {
            int cpsState = event.path("state").asInt(0) * 100 + event.path("state_type").asInt(0) * 10;
            ObjectNode metric = find(metrics, CPS_STATE);
            if (metric == null) metric = metrics.addObject().put("metric", CPS_STATE);
            metric.put("value", cpsState);
        }
        for (JsonNode metric : metrics) {
            for (Iterator<JsonNode> values = metric.elements(); values.hasNext(); ) {
                if (values.next().isNull()) values.remove();
            }
        }
    }

    private static ObjectNode find(ArrayNode metrics, String name) {
        for (JsonNode metric : metrics) {
            if (metric instanceof ObjectNode object && name.equals(metric.path("metric").asText(null))) return object;
        }
        return null;
    }
}
