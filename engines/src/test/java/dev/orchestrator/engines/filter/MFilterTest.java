package dev.orchestrator.engines.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Canopsis' mfilter {@code check()} vectors (old/test_to_merge/mfilter.py), then the filters rejected with the reason
 * (the original's own results on many more cases are in the fidelity suite, resources/fidelity/mfilter.json).
 */
class MFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine-stats event of Canopsis' test. */
    private static final String EVENT = """
            {"connector": "Engine", "resource": "Engine_perfstore2_rotate", "event_type": "check", "long_output": null,
             "timestamp": 1378713357, "component": "wpain-laptop", "state_type": 1, "source_type": "resource", "state": 0,
             "connector_name": "engine", "output": "21.10 evt/sec, 0.02050 sec/evt",
             "tags": ["engine", "check"], "links": [{"name": "doc"}], "perfdatas": {"perf1": 1, "perf2": 2},
             "perf_data_array": [
               {"metric": "cps_evt_per_sec", "value": 21.1, "unit": "evt", "retention": 3600},
               {"metric": "cps_sec_per_evt", "value": 0.0205, "warn": 0.6, "crit": 0.9, "unit": "s", "retention": 3600}]}""";

    private static boolean check(String filter) throws Exception {
        return MFilter.compile(JSON.readTree(filter)).matches((ObjectNode) JSON.readTree(EVENT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"connector": "Engine"}                                                         | true
            {"connector": "cengidddddne"}                                                   | false
            {"timestamp": {"$exists": true}}                                                | true
            {"timestamp": {"$exists": false}}                                               | false
            {"connector": {"$eq": "Engine"}}                                                | true
            {"$or": [{"state": {"$eq": 0}}]}                                                | true
            {"connector": {"$eq": "Enginessssss"}}                                          | false
            {"timestamp": {"$eq": 1378713357}}                                              | true
            {"timestamp": {"$gt": 1378713357}}                                              | false
            {"timestamp": {"$gte": 1378713357}}                                             | true
            {"timestamp": {"$gt": 137871335}}                                               | true
            {"timestamp": {"$in": [0, 5, 6, 1378713357]}}                                   | true
            {"timestamp": {"$nin": [0, 5, 6]}}                                              | true
            {"timestamp": {"$gt": 0, "$lt": 2378713357}}                                    | true
            {"$and": [{"timestamp": {"$gt": 0}}, {"timestamp": {"$lt": 2378713357}}]}       | true
            {"connector": {"$eq": "Engine"}, "timestamp": {"$gt": 137871335}}               | true
            {"connector": {"$not": {"$eq": "cccenngine"}}}                                  | true
            {"connector": {"$not": {"$eq": "Engine"}}}                                      | false
            {"$nor": [{"connector": {"$eq": "cEngine"}}, {"connector": {"$eq": "ccEngine"}}]} | true
            {"$nor": [{"connector": {"$eq": "Engine"}}, {"connector": {"$eq": "ccEngine"}}]}  | false
            {"connector": "Engine", "event_type": "check"}                                  | true
            {"$and": [{"connector": "Engine"}, {"event_type": "check"}, {"event_type": "check"}]} | true
            {"$or": [{"connector": "cenginddddde"}, {"event_type": "check"}, {"event_type": "checkkkkk"}]} | true
            {"$or": [{"$and": [{"connector": "cenginddddde"}, {"event_type": "check"}]}, {"event_type": "checkkkkk"}]} | false
            {"connector": {"$all": ["Engine"]}}                                             | true
            {"connector": {"$all": ["Engine", "cEngine"]}}                                  | false
            {"connector": {"$regex": ".ngInE"}}                                             | false
            {"connector": {"$regex": ".ngInE", "$options": "i"}}                            | true
            {"connector": {"$regex": "..ngine", "$options": "i"}}                           | false
            """)
    void canopsisVectors(String filter, boolean expected) throws Exception {
        assertEquals(expected, check(filter), filter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ["connector"]                                  | mfilter must be a JSON object, got array ["connector"]
            {"$where": "1"}                                | unknown operator '$where'
            {"state": {"$gt": 1, "$foo": 2}}               | field 'state': unknown operator '$foo'
            {"connector": {"$regex": "("}}                 | field 'connector': $regex '(' is not a valid regular expression: Unclosed group
            {"connector": {"$regex": 3}}                   | field 'connector': $regex needs a string pattern, got number 3
            {"connector": {"$options": "i"}}               | field 'connector': $options without $regex or $notregex (the original never matched it)
            {"$or": {"a": 1}}                              | $or needs an array of filters, got object {"a":1}
            {"$and": [1]}                                  | $and element must be a JSON object, got number 1
            {"connector": {"$not": 1}}                     | field 'connector': $not needs an operator document or a regular expression, got number 1
            """)
    void badFiltersAreRejectedWithTheReason(String filter, String message) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MFilter.compile(JSON.readTree(filter)));
        assertEquals(message, e.getMessage());
    }
}
