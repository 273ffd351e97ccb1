package dev.orchestrator.engines.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.api.Engine;
import dev.orchestrator.api.EngineContext;
import dev.orchestrator.api.EventTask;
import dev.orchestrator.api.Forger;
import dev.orchestrator.api.RoutingKeys;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Logger;

/**
 * The {@code event_filter} engine type: Canopsis' rule engine ({@code engines/event_filter.py}), with its rules in a
 * JSON file instead of MongoDB. Section parameters: {@code rules_file} (relative to the configuration directory;
 * none means no rules), {@code default_action} ({@code pass}, the default, or {@code drop}; a {@code defaultrule}
 * record in the file wins, as the original's record did) and {@code canopsis_version} ({@code 2018}, the default
 * as for the cleaner: 2018's {@code get_routingkey} sets {@code source_type} from the presence of {@code resource}
 * before the rules run; {@code 2016}: it does not).
 * The file is read at start (a file that cannot be read fails the start) and again on every beat when it changed.
 * A passed event gets {@code rk} and {@code _id} set to its routing key, as in the original; a routed event goes to
 * {@code amq.direct} with the route as routing key instead of to the engines in {@code next}. Every beat publishes
 * the original's statistics event ({@code Engine_event_filter_data}, metrics {@code pass_event}/{@code drop_event}).
 */
public final class EventFilter implements Engine {

    public static final String TYPE = "event_filter";
    private static final String DIRECT_EXCHANGE = "amq.direct";

    private final EngineContext context;
    private final Logger logger;
    private final RulesFile file;
    private final boolean sectionDropsByDefault;
    private final boolean sourceTypeFromResource;
    private final LongSupplier clock;
    private long passed;
    private long dropped;

    public EventFilter(EngineContext context) {
        this(context, () -> System.currentTimeMillis() / 1000);
    }

    /** With the clock that stamps the statistics events (seconds). */
    EventFilter(EngineContext context, LongSupplier clock) {
        this.context = context;
        this.logger = context.logger();
        this.clock = clock;
        this.sectionDropsByDefault = dropByDefault(context.params().getOrDefault("default_action", "pass"));
        this.sourceTypeFromResource = version(context.params().getOrDefault("canopsis_version", "2018"));
        String rulesFile = context.params().get("rules_file");
        if (rulesFile == null || rulesFile.isBlank()) {
            file = null;
            logger.info("no rules_file: every event gets the default action ({})", sectionDropsByDefault ? "drop" : "pass");
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

    private static boolean version(String version) {
        return switch (version.trim()) {
            case "2016" -> false;
            case "2018" -> true;
            default -> throw new IllegalArgumentException("canopsis_version must be 2016 or 2018, not '" + version + "'");
        };
    }

    @Override
    public ObjectNode onEvent(ObjectNode event) {
        if (sourceTypeFromResource) event.put("source_type", event.has("resource") ? "resource" : "component");
        RuleSet rules = file == null ? RuleSet.EMPTY : file.rules();
        boolean dropsByDefault = rules.dropByDefault() != null ? rules.dropByDefault() : sectionDropsByDefault;
        RuleSet.Verdict verdict = rules.apply(event, dropsByDefault);
        passed += verdict.passCount();
        if (!verdict.passes()) {
            dropped++;
            if (logger.isDebugEnabled()) logger.debug("{}: dropped by {}", context.routingKey(), verdict.decidedBy());
            return EventTask.DROP;
        }
        String rk = RoutingKeys.of(event);
        event.put("rk", rk);
        event.put("_id", rk);
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
        context.publish(statistics());
    }

    /** {@code send_stat_event}: the passes and drops since the last beat, then the counters start again. */
    ObjectNode statistics() {
        String droppedLine = dropped + " event dropped since " + context.beatInterval();
        ObjectNode event = Forger.forge("check", "Engine", "engine", "resource", null,
                context.queue() + "_data", clock.getAsLong());
        event.put("output", droppedLine);
        ArrayNode metrics = event.putArray("perf_data_array");
        metrics.addObject().put("metric", "pass_event").put("value", passed).put("type", "GAUGE");
        metrics.addObject().put("metric", "drop_event").put("value", dropped).put("type", "GAUGE");
        logger.debug(droppedLine);
        logger.debug("{} event passed since {}", passed, context.beatInterval());
        passed = 0;
        dropped = 0;
        return event;
    }
}
