package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Canopsis' event_filter KnownValues (engines/test/event_filter.py, 18 rules, default action drop), ported. */
class RuleSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RuleSet knownValues;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = RuleSetTest.class.getResourceAsStream("/event_filter/known-values.json")) {
            knownValues = RuleSet.parse(JSON.readTree(in));
        }
    }

    /** Canopsis' test event: every routing-key field empty, no tags unless given. */
    private static ObjectNode event(String extra) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(
                "{\"connector\": \"\", \"connector_name\": \"\", \"event_type\": \"\", \"source_type\": \"\", \"component\": \"\", \"rk\": \"\"}");
        event.setAll((ObjectNode) JSON.readTree(extra));
        return event;
    }

    private static RuleSet.Verdict drop(ObjectNode event) {
        return knownValues.apply(event, true);
    }

    @Test
    void theSnoozeRuleLoadsWithoutItsAction() {
        assertEquals(18, knownValues.size());
        assertEquals(List.of("rule #18 'autosnooze': action 1: snooze needs Canopsis' alarm and scheduler services, left out"),
                knownValues.warnings());
    }

    @Test
    void changeField() throws Exception {
        ObjectNode event = event("{\"connector\": \"changeme\", \"tags\": []}");
        RuleSet.Verdict verdict = drop(event);
        assertTrue(verdict.passes());
        assertEquals("it_works", event.get("connector").asText());
        assertEquals("rule 'change-connector-name'", verdict.decidedBy());
    }

    @Test
    void normalBehavior() throws Exception {
        assertTrue(drop(event("{\"connector\": \"nagios\", \"tags\": []}")).passes());
        RuleSet.Verdict collectd = drop(event("{\"connector\": \"collectd\", \"tags\": []}"));
        assertFalse(collectd.passes());
        assertEquals("rule 'check-connector-drop'", collectd.decidedBy());
    }

    @Test
    void secondRuleMatches() throws Exception {
        assertEquals("rule 'chec-connector-pass4'", drop(event("{\"connector\": \"second_rule\", \"tags\": []}")).decidedBy());
    }

    @Test
    void defaultActionDrop() throws Exception {
        RuleSet.Verdict verdict = drop(event("{}"));
        assertFalse(verdict.passes());
        assertEquals("the default action", verdict.decidedBy());
    }

    @Test
    void defaultActionPass() throws Exception {
        assertTrue(knownValues.apply(event("{\"connector\": \"default_pass\", \"tags\": []}"), false).passes());
    }

    @Test
    void aLaterDropWinsOverAnEarlierPass() throws Exception {
        // check-connector-pass2 then check-connector-drop2: the drop applies what accumulated, then drops
        RuleSet.Verdict verdict = drop(event("{\"connector\": \"priority\", \"tags\": []}"));
        assertFalse(verdict.passes());
        assertEquals("rule 'check-connector-drop2'", verdict.decidedBy());
    }

    @Test
    void removeFromList() throws Exception {
        ObjectNode event = event("{\"tags\": [\"tag1\", \"tag2\", \"tag3\"]}");
        assertTrue(drop(event).passes());
        assertEquals("tag3", event.get("tags").get(1).asText());
        assertEquals(2, event.get("tags").size());
    }

    @Test
    void removeFromObject() throws Exception {
        ObjectNode event = event("{\"tags\": [], \"perfdatas\": {\"perf1\": 13374242, \"perf2\": 42421337, \"perf3\": 42}}");
        assertTrue(drop(event).passes());
        assertFalse(event.get("perfdatas").has("perf1"));
        assertTrue(event.get("perfdatas").has("perf2"));
    }

    @Test
    void addField() throws Exception {
        ObjectNode event = event("{\"connector\": \"add_here\", \"tags\": []}");
        assertTrue(drop(event).passes());
        assertEquals("this_was_added_at_runtime", event.get("added_field").asText());
    }

    @Test
    void removeField() throws Exception {
        ObjectNode event = event("{\"remove_me\": \"True\", \"tags\": []}");
        assertTrue(drop(event).passes());
        assertFalse(event.has("remove_me"));
    }

    @Test
    void routeAloneFallsThroughToTheDefaultAction() throws Exception {
        RuleSet.Verdict dropped = drop(event("{\"connector\": \"route_me\", \"remove_me\": \"False\", \"tags\": []}"));
        assertFalse(dropped.passes());
        RuleSet.Verdict passed = knownValues.apply(event("{\"connector\": \"route_me\", \"tags\": []}"), false);
        assertTrue(passed.passes());
        // event_filter.py a_route: next_amqp_queues = [action["route"]], the value itself is the routing key
        assertEquals("new_route_defined", passed.route());
        // per event: the next event is not routed
        assertNull(knownValues.apply(event("{\"connector\": \"nagios\", \"tags\": []}"), false).route());
    }

    @Test
    void removeAndOverrideAloneFallThroughToTheDefaultAction() throws Exception {
        ObjectNode event = event("{\"tags\": [], \"hostgroups\": [\"windows_95\", \"linux mint\"]}");
        assertFalse(drop(event).passes());
        ObjectNode passed = event("{\"tags\": [], \"hostgroups\": [\"windows_95\", \"linux mint\"]}");
        assertTrue(knownValues.apply(passed, false).passes());
        assertEquals(JSON.readTree("[\"windows_95\", \"debian jessie\"]"), passed.get("hostgroups"));
    }

    @Test
    void snoozeRuleMatchesButDoesNothing() throws Exception {
        RuleSet.Verdict verdict = drop(event("{\"connector\": \"co\", \"tags\": [\"snooze_me\"]}"));
        assertFalse(verdict.passes());
        assertEquals("the default action", verdict.decidedBy());
    }

    @Test
    void noConfigurationPasses() throws Exception {
        assertTrue(RuleSet.EMPTY.apply(event("{\"tags\": []}"), false).passes());
    }

    @Test
    void dropAppliesTheActionsAccumulatedBeforeIt() throws Exception {
        RuleSet rules = parse("""
                [{"name": "mark", "mfilter": {"connector": "x"}, "actions": [{"type": "override", "field": "seen", "value": true}]},
                 {"name": "kill", "mfilter": {"connector": "x"}, "actions": [{"type": "override", "field": "n", "value": 1},
                                                                          {"type": "drop"},
                                                                          {"type": "override", "field": "never", "value": 1}]}]""");
        ObjectNode event = event("{\"connector\": \"x\"}");
        assertFalse(rules.apply(event, false).passes());
        assertTrue(event.get("seen").booleanValue());
        assertEquals(1, event.get("n").intValue());
        assertFalse(event.has("never"));
    }

    @Test
    void breakStopsTheScanAndPriorityOrdersIt() throws Exception {
        RuleSet rules = parse("""
                [{"name": "late-drop", "priority": 5, "mfilter": {"connector": "x"}, "actions": [{"type": "drop"}]},
                 {"name": "first-pass", "priority": 1, "break": 1, "mfilter": {"connector": "x"}, "actions": [{"type": "pass"}]},
                 {"name": "disabled", "priority": 0, "enable": false, "mfilter": {"connector": "x"}, "actions": [{"type": "drop"}]}]""");
        assertEquals(2, rules.size());
        assertEquals("rule 'first-pass'", rules.apply(event("{\"connector\": \"x\"}"), true).decidedBy());
    }

    @Test
    void mfilterStoredAsAJsonStringAndEmptyFiltersMatchNothing() throws Exception {
        RuleSet rules = parse("""
                [{"name": "empty", "mfilter": {}, "actions": [{"type": "drop"}]},
                 {"name": "stored", "mfilter": "{\\"connector\\": {\\"$in\\": [\\"a\\", \\"x\\"]}}", "actions": [{"type": "pass"}]}]""");
        assertEquals("rule 'stored'", rules.apply(event("{\"connector\": \"x\"}"), true).decidedBy());
    }

    @Test
    void aBadRuleIsSkippedWithALineNamingItAndTheReasonAndTheOthersLoad() throws Exception {
        RuleSet rules = parse("""
                [{"name": "good", "mfilter": {"a": 1}, "actions": [{"type": "pass"}]},
                 {"name": "bad", "mfilter": {"a": 1}, "actions": [{"type": "explode"}]},
                 {"mfilter": {"a": {"$near": 1}}},
                 {"mfilter": "x"},
                 {"name": "no-filter", "actions": [{"type": "drop"}]},
                 {"name": "bad-override", "mfilter": {"a": 1}, "actions": [{"type": "override", "field": "f"}]}]""");
        assertEquals(1, rules.size());
        assertEquals(List.of(
                "rule #2 'bad': action 1: action type 'explode' is not supported (pass, drop, override, remove, route); rule skipped",
                "rule #3: field 'a': unknown operator '$near'; rule skipped",
                "rule #4: mfilter is a string but not valid JSON: Unrecognized token 'x': was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'); rule skipped",
                "rule #5 'no-filter': no 'mfilter'; rule skipped",
                "rule #6 'bad-override': action 1: override needs a 'field' name and a non-null 'value'; rule skipped"),
                rules.warnings());
        assertEquals("expected a JSON array of rules, got object {}",
                assertThrows(IllegalArgumentException.class, () -> RuleSet.parse(JSON.readTree("{}"))).getMessage());
    }

    /**
     * event_filter.py beat(): storage.find({'crecord_type': 'filter', 'enable': True}, sort='priority'); the default
     * action from find_default_action(), the first 'defaultrule' record, else pass.
     */
    @Test
    void rulesLoadAsTheOriginalQueryAndTheDefaultRuleRecordGivesTheDefaultAction() throws Exception {
        RuleSet rules = RuleSet.parse(JSON.readTree("""
                [{"crecord_type": "filter", "enable": true, "name": "b", "priority": 2, "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "enable": true, "name": "s", "priority": "1", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "enable": true, "name": "none", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "enable": true, "name": "a", "priority": 1.5, "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "name": "no-enable", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "enable": 1, "name": "enable-1", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "filter", "enable": false, "name": "disabled", "mfilter": {"a": 1}, "actions": []},
                 {"enable": true, "name": "no-type", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "job", "enable": true, "name": "a-job", "mfilter": {"a": 1}, "actions": []},
                 {"crecord_type": "defaultrule", "action": "drop"},
                 {"crecord_type": "defaultrule", "action": "pass"}]"""));
        assertEquals(List.of("none", "a", "b", "s"), rules.rules().stream().map(Rule::name).toList());
        assertEquals(Boolean.TRUE, rules.dropByDefault());
        assertNull(parse("[]").dropByDefault());
    }

    /** Records as the original stored its rules: crecord_type filter, enabled. */
    private static RuleSet parse(String json) throws Exception {
        ArrayNode records = (ArrayNode) JSON.readTree(json);
        for (JsonNode record : records) {
            ObjectNode rule = (ObjectNode) record;
            if (!rule.has("crecord_type")) rule.put("crecord_type", "filter");
            if (!rule.has("enable")) rule.put("enable", true);
        }
        return RuleSet.parse(records);
    }
}
