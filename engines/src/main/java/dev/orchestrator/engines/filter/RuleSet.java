package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of an event_filter, read as the original's query read its collection ({@code crecord_type: "filter"}
 * and {@code enable: true}, sorted by {@code priority}, MongoDB's order), its {@code defaultrule} record, and
 * Canopsis' algorithm to apply them to one event ({@code event_filter.py} {@code work}):
 * <ol>
 * <li>rules are scanned in order; the actions of every matching rule accumulate;</li>
 * <li>a {@code drop} applies the actions accumulated before it and drops the event at once;</li>
 * <li>a matching rule with {@code break} ends the scan;</li>
 * <li>the accumulated actions are applied: if one was {@code pass}, the event passes; override, remove and
 * route alone do not pass it, they fall through to</li>
 * <li>the default action, pass or drop.</li>
 * </ol>
 */
public final class RuleSet {

    /** No rules: every event gets the default action. */
    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), null);

    /**
     * What the rules decided for one event: whether it goes on, to which queue instead of next (or null), the rule
     * that decided (null: the default action), and the passes the original's statistics counted for it (one per
     * {@code pass} action run, one for a pass by the default action).
     */
    public record Verdict(boolean passes, String route, String rule, int passCount) {

        private static final Verdict DEFAULT_PASS = new Verdict(true, null, null, 1);
        private static final Verdict DEFAULT_DROP = new Verdict(false, null, null, 0);

        /** {@code rule 'NAME'} or {@code the default action}, for log lines. */
        public String decidedBy() {
            return rule == null ? "the default action" : "rule '" + rule + "'";
        }
    }

    private final List<Rule> rules;
    private final List<String> warnings;
    private final Boolean dropByDefault;

    private RuleSet(List<Rule> rules, List<String> warnings, Boolean dropByDefault) {
        this.rules = rules;
        this.warnings = warnings;
        this.dropByDefault = dropByDefault;
    }

    /**
     * Reads a JSON array of records: the rules ({@code crecord_type: "filter"} with {@code enable: true}; others
     * are left out, as the original's query left them) and the first {@code defaultrule} record. A rule that cannot
     * be read is left out with a line in {@link #warnings()} naming it and the reason; only a root that is not an
     * array is an {@link IllegalArgumentException}.
     */
    public static RuleSet parse(JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of rules, got " + MFilter.describe(root));
        }
        List<Rule> rules = new ArrayList<>(root.size());
        List<String> warnings = new ArrayList<>();
        Boolean dropByDefault = null;
        int index = 0;
        for (JsonNode record : root) {
            index++;
            String type = record.path("crecord_type").asText("");
            if (type.equals("defaultrule") && dropByDefault == null) {
                dropByDefault = record.path("action").asText("pass").equals("drop");
            } else if (type.equals("filter") && record.path("enable").isBoolean() && record.get("enable").booleanValue()) {
                try {
                    rules.add(Rule.parse(record, index, warnings));
                } catch (IllegalArgumentException e) {
                    warnings.add(e.getMessage() + "; rule skipped");
                }
            }
        }
        rules.sort(Rule.BY_PRIORITY);
        return new RuleSet(List.copyOf(rules), List.copyOf(warnings), dropByDefault);
    }

    /** The action of the file's {@code defaultrule} record ({@code drop} or anything else: pass), null without one. */
    public Boolean dropByDefault() {
        return dropByDefault;
    }

    /** The rules in the order they run. */
    List<Rule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    /** What was left out of the rules while reading them, one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** Applies the rules to {@code event}, which the actions change in place. */
    public Verdict apply(ObjectNode event, boolean dropByDefault) {
        List<Rule> matched = null;
        for (Rule rule : rules) {
            if (!rule.matches(event)) continue;
            if (matched == null) matched = new ArrayList<>(2);
            matched.add(rule);
            if (rule.drops()) {
                Action.Outcome outcome = applyActions(event, matched);
                return new Verdict(false, null, rule.name(), outcome.passes);
            }
            if (rule.breaks()) break;
        }
        if (matched == null) return dropByDefault ? Verdict.DEFAULT_DROP : Verdict.DEFAULT_PASS;
        Action.Outcome outcome = applyActions(event, matched);
        if (outcome.passedBy != null) return new Verdict(true, outcome.route, outcome.passedBy, outcome.passes);
        return new Verdict(!dropByDefault, outcome.route, null, dropByDefault ? 0 : 1);
    }

    private static Action.Outcome applyActions(ObjectNode event, List<Rule> matched) {
        Action.Outcome outcome = new Action.Outcome();
        for (Rule rule : matched) {
            for (Action action : rule.actions()) action.apply(event, outcome, rule.name());
        }
        return outcome;
    }
}
