package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of an event_filter, sorted by priority (rules without one first, as MongoDB sorted them), and
 * Canopsis' algorithm to apply them to one event:
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
    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of());

    /**
     * What the rules decided for one event: whether it goes on, to which queue instead of next (or null), and the rule
     * that decided (null: the default action).
     */
    public record Verdict(boolean passes, String route, String rule) {

        private static final Verdict DEFAULT_PASS = new Verdict(true, null, null);
        private static final Verdict DEFAULT_DROP = new Verdict(false, null, null);

        /** {@code rule 'NAME'} or {@code the default action}, for log lines. */
        public String decidedBy() {
            return rule == null ? "the default action" : "rule '" + rule + "'";
        }
    }

    private final List<Rule> rules;
    private final List<String> warnings;

    private RuleSet(List<Rule> rules, List<String> warnings) {
        this.rules = rules;
        this.warnings = warnings;
    }

    /** Reads a JSON array of rules; an {@link IllegalArgumentException} names the faulty rule and what is wrong. */
    public static RuleSet parse(JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of rules, got " + MFilter.describe(root));
        }
        List<Rule> rules = new ArrayList<>(root.size());
        List<String> warnings = new ArrayList<>();
        int index = 0;
        for (JsonNode record : root) {
            Rule rule = Rule.parse(record, ++index, warnings);
            if (rule.enabled()) rules.add(rule);
        }
        rules.sort(Comparator.comparingDouble(Rule::priority));
        return new RuleSet(List.copyOf(rules), List.copyOf(warnings));
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
                applyActions(event, matched);
                return new Verdict(false, null, rule.name());
            }
            if (rule.breaks()) break;
        }
        if (matched == null) return dropByDefault ? Verdict.DEFAULT_DROP : Verdict.DEFAULT_PASS;
        Action.Outcome outcome = applyActions(event, matched);
        if (outcome.passedBy != null) return new Verdict(true, outcome.route, outcome.passedBy);
        return new Verdict(!dropByDefault, outcome.route, null);
    }

    private static Action.Outcome applyActions(ObjectNode event, List<Rule> matched) {
        Action.Outcome outcome = new Action.Outcome();
        for (Rule rule : matched) {
            for (Action action : rule.actions()) action.apply(event, outcome, rule.name());
        }
        return outcome;
    }
}
