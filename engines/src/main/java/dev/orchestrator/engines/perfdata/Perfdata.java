package dev.orchestrator.engines.perfdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.engines.Python;
import dev.orchestrator.engines.cleaner.PerfDataParser;
import dev.orchestrator.api.EngineContext;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Logger;

/**
 * Canopsis' perfdata engine task ({@code canopsis/perfdata/process.py} {@code event_processing}) without the
 * time-series storage: {@code perf_data} is parsed and its metrics appended to {@code perf_data_array} (even when the
 * cleaner put them there already: the original kept the duplicates), check, selector and sla events get the metric
 * {@code cps_state} = {@code int(state)*100 + int(state_type)*10} appended (another {@code cps_state} stays), and
 * null-valued keys are dropped from every metric. A {@code perf_data_array} that is not a list, or a state that is
 * not an integer, is an error (the event goes to the error queue; the original lost it).
 */
public final class Perfdata {

    /** The task's name, the one Canopsis' amqp2engines.conf gives to {@code event_processing}. */
    public static final String TASK = "canopsis.perfdata.process.event_processing";

    private static final Set<String> STATEFUL = Set.of("check", "selector", "sla");

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
                metrics.addAll(PerfDataParser.parse(perfData.textValue()));
            } catch (IllegalArgumentException e) {
                logger.error("Impossible to parse perfdata from: {} ({})", event, e.getMessage());
            }
        }
        if (STATEFUL.contains(event.path("event_type").asText())) {
            long cpsState = integer(event, "state") * 100 + integer(event, "state_type") * 10;
            ObjectNode metric = metrics.addObject().put("metric", "cps_state");
            if (cpsState == (int) cpsState) metric.put("value", (int) cpsState);
            else metric.put("value", cpsState);
        }
        for (JsonNode metric : metrics) {
            for (Iterator<JsonNode> values = metric.elements(); values.hasNext(); ) {
                if (values.next().isNull()) values.remove();
            }
        }
    }

    /** {@code int(event.get(field, 0))}. */
    private static long integer(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null) return 0;
        return Python.toInt(value).orElseThrow(() -> new IllegalArgumentException(
                "invalid literal for int() with base 10: " + value + " (" + field + ")"));
    }
}
