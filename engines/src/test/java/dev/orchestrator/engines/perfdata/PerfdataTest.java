package dev.orchestrator.engines.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerfdataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LogManager.getLogger(PerfdataTest.class);

    private static ObjectNode enriched(String event) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(event);
        Perfdata.enrich(node, LOG);
        return node;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest(name = "{0} state {1} state_type {2} -> {3}")
    @CsvSource({"check, 0, 1, 10", "check, 2, 1, 210", "selector, 1, 0, 100", "sla, 3, 1, 310", "check, '\"2\"', 1, 210"})
    void cpsStateIsStateTimes100PlusStateTypeTimes10(String type, String state, String stateType, int expected) throws Exception {
        ObjectNode event = enriched("{\"event_type\": \"" + type + "\", \"state\": " + state + ", \"state_type\": " + stateType + "}");
        assertEquals(json("[{\"metric\": \"cps_state\", \"value\": " + expected + "}]"), event.get("perf_data_array"));
    }

    @Test
    /** perfdata/process.py event_processing: perf_data_array += parse(perf_data), cps_state appended, every time. */
    void perfDataIsParsedAndAppendedAndCpsStateAppendedEvenWhenThereAsTheOriginal() throws Exception {
        ObjectNode event = enriched("{\"event_type\": \"check\", \"state\": 1, \"state_type\": 1,"
                + " \"perf_data\": \"/=2643MB;5948;5958;0;5968 /boot=68MB;88;93;0;98\"}");
        assertEquals(json("""
                [{"metric": "/", "value": 2643.0, "unit": "MB", "warn": 5948.0, "crit": 5958.0, "min": 0.0, "max": 5968.0},
                 {"metric": "/boot", "value": 68.0, "unit": "MB", "warn": 88.0, "crit": 93.0, "min": 0.0, "max": 98.0},
                 {"metric": "cps_state", "value": 110}]"""), event.get("perf_data_array"));
        Perfdata.enrich(event, LOG);
        assertEquals(6, event.get("perf_data_array").size(), "a second pass appends them again, as the original");
        assertEquals(2, event.get("perf_data_array").findValuesAsText("metric").stream().filter("cps_state"::equals).count());
    }

    @Test
    void nullValuedKeysAreDroppedAndOtherEventTypesGetNoCpsState() throws Exception {
        ObjectNode event = enriched("{\"event_type\": \"perf\", \"perf_data_array\": [{\"metric\": \"rx\", \"value\": 3, \"unit\": null, \"max\": null}]}");
        assertEquals(json("[{\"metric\": \"rx\", \"value\": 3}]"), event.get("perf_data_array"));
        assertEquals(json("[]"), enriched("{\"event_type\": \"log\", \"output\": \"x\"}").get("perf_data_array"));
    }

    @Test
    void unreadablePerfDataIsLoggedAndTheRestStillDone() throws Exception {
        ObjectNode event = enriched("{\"event_type\": \"check\", \"state\": 0, \"state_type\": 1, \"perf_data\": \"=1\"}");
        assertEquals(json("[{\"metric\": \"cps_state\", \"value\": 10}]"), event.get("perf_data_array"));
    }

    @Test
    void aPerfDataArrayThatIsNoListIsAnError() {
        assertEquals("perf_data_array is not a list but object",
                assertThrows(IllegalArgumentException.class, () -> enriched("{\"perf_data_array\": {\"a\": 1}}")).getMessage());
    }
}
