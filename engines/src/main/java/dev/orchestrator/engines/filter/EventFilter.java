package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.RoutingKeys;
import java.util.Locale;
import org.apache.logging.log4j.Logger;

/**
 * The {@code event_filter} engine type: Canopsis' rule engine, with its rules in a JSON file instead of MongoDB.
 * Section parameters: {@code rules_file} (relative to the configuration directory; none means no rules) and
 * {@code default_action} ({@code pass}, the default, or {@code drop}). The file is read at start (a bad file
 * fails the start) and again on every beat when it changed (a bad version is logged once, the last good rules
 * stay). A passed event gets its {@code rk} recomputed, as in Canopsis; a routed event goes to
 * {@code Engine_<route>} on {@code amq.direct} instead of the engines in {@code next}.
 */
public final class EventFilter implements Engine {

    public static final String TYPE = "event_filter";
    private static final String DIRECT_EXCHANGE = "amq.direct";

    private final EngineContext context;
    private final Logger logger;
    private final RulesFile file;
    private final boolean dropByDefault;

    public EventFilter(EngineContext context) {
        this.context = context;
        this.logger = context.logger();
        this.dropByDefault = dropByDefault(context.params().getOrDefault("default_action", "pass"));
        String rulesFile = context.params().get("rules_file");
        if (rulesFile == null || rulesFile.isBlank()) {
            file = null;
            logger.info("no rules_file: every event gets the default action ({})", dropByDefault ? "drop" : "pass");
        } else {
            file = new RulesFile(context.configDirectory().resolve(rulesFile.trim()), logger);
        }
    }

    private static boolean dropByDefault(String action) {
        return switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "pass" -> false;
            case "drop" -> true;
            default -> throw new IllegalArgumentException("default_action must be pass or drop, not '" + action + "'");
        };
    }

    @Override
    public ObjectNode onEvent(ObjectNode event) {
        RuleSet.Verdict verdict = (file == null ? RuleSet.EMPTY : file.rules()).apply(event, dropByDefault);
        if (!verdict.passes()) {
            if (logger.isDebugEnabled()) logger.debug("{}: dropped by {}", context.routingKey(), verdict.decidedBy());
            return EventTask.DROP;
        }
        event.put("rk", RoutingKeys.of(event));
        if (verdict.route() == null) {
            if (logger.isDebugEnabled()) logger.debug("{}: passed by {}", context.routingKey(), verdict.decidedBy());
            return null;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("{}: passed by {}, routed to {}", context.routingKey(), verdict.decidedBy(), verdict.route());
        }
        context.publish(event, DIRECT_EXCHANGE, verdict.route());
        return EventTask.DROP;
    }

    @Override
    public void onBeat() {
        if (file != null) file.refresh(logger);
    }
}
