package dev.orchestrator.engines.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/** Canopsis' cleaner contract (capensis/canopsis cleaner engine and its test_cleaner.py). */
class CleanerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LogManager.getLogger("engine.cleaner-test");
    private static final long NOW = 1_700_000_000L;

    private static ObjectNode clean(String event) throws Exception {
        return Cleaner.normalise((ObjectNode) JSON.readTree(event), "a.b.check.resource.c.r", true, NOW, LOG);
    }

    @Test
    void fillsTheDefaults() throws Exception {
        ObjectNode event = clean("{\"connector\":\"a\",\"component\":\"c\"}");
        assertEquals("{\"connector\":\"a\",\"component\":\"c\",\"rk\":\"a.b.check.resource.c.r\",\"tags\":[],"
                + "\"timestamp\":1700000000,\"state\":0,\"state_type\":1,\"event_type\":\"check\",\"status\":0,"
                + "\"output\":\"\"}", event.toString());
    }

    @Test
    void keepsTheResourceAndCoercesTheStateToAnInt() throws Exception {
        ObjectNode event = clean("{\"resource\":\"r\",\"state\":\"2\",\"timestamp\":\"1600000000\",\"status\":3}");
        assertEquals("r", event.get("resource").asText());
        assertEquals(2, event.get("state").intValue());
        assertEquals(1600000000L, event.get("timestamp").longValue());
        assertEquals(3, event.get("status").intValue());
    }

    @Test
    void stateDefaultsTheStatusAndBadStatesBecomeZero() throws Exception {
        assertEquals(1, clean("{\"state\":2.9}").get("status").intValue());
        assertEquals(2, clean("{\"state\":2.9}").get("state").intValue());
        assertEquals(0, clean("{\"state\":\"critical\"}").get("state").intValue());
        assertEquals(0, clean("{\"state\":null}").get("status").intValue());
    }

    /** cleaner.py work (2016 and 2018): a resource that is not a string becomes '', and an empty one is deleted. */
    @Test
    void nonTextAndEmptyResourcesAreRemoved() throws Exception {
        for (String resource : new String[] {"5", "0", "false", "null", "[\"a\"]", "\"\""}) {
            assertFalse(clean("{\"resource\":" + resource + "}").has("resource"), resource);
        }
    }

    @Test
    void tagsBecomeAList() throws Exception {
        assertEquals("[\"x\"]", clean("{\"tags\":\"x\"}").get("tags").toString());
        assertEquals("[]", clean("{\"tags\":\"\"}").get("tags").toString());
        assertEquals("[]", clean("{\"tags\":{\"a\":1}}").get("tags").toString());
        assertEquals("[\"a\",\"b\"]", clean("{\"tags\":[\"a\",\"b\"]}").get("tags").toString());
    }

    @Test
    void keepsGivenTypesAndOutput() throws Exception {
        ObjectNode event = clean("{\"event_type\":\"log\",\"state_type\":0,\"output\":\"hello\"}");
        assertEquals("log", event.get("event_type").asText());
        assertEquals(0, event.get("state_type").intValue());
        assertEquals("hello", event.get("output").asText());
    }

    @Test
    void parsesPerfDataIntoThePerfDataArray() throws Exception {
        ObjectNode event = clean("{\"perf_data\":\"load=3;5;10\",\"perf_data_array\":[{\"metric\":\"m\",\"value\":1}]}");
        assertEquals("[{\"metric\":\"m\",\"value\":1},{\"metric\":\"load\",\"value\":3.0,\"warn\":5.0,\"crit\":10.0}]",
                event.get("perf_data_array").toString());
        assertEquals("[{\"metric\":\"a\",\"value\":1.0}]", clean("{\"perf_data\":\"a=1\"}").get("perf_data_array").toString());
        assertFalse(clean("{\"perf_data\":\"\"}").has("perf_data_array"));
        assertEquals("[]", clean("{\"perf_data\":\"a=1.2.3\"}").get("perf_data_array").toString());
    }

    @Test
    void refusesWhatTheOriginalRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Cleaner.normalise(JSON.createObjectNode(), "", true, NOW, LOG));
        assertThrows(IllegalArgumentException.class, () -> clean("{\"timestamp\":\"yesterday\"}"));
    }
}
