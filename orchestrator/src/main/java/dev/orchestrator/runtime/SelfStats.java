package dev.orchestrator.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.config.EngineConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Canopsis' engine self-statistics: at most once a minute, when events were processed, a check event
 * ({@code connector=Engine}, {@code resource=Engine_<name>}) with the metrics {@code cps_evt_per_sec} and
 * {@code cps_sec_per_evt}, state 1 above 0.6 s/evt and 2 above 0.9 s/evt. Unlike the original, the rate is the real
 * one: events over the time elapsed since the last statistics, not over {@code beat_interval}.
 */
final class SelfStats {

    static final long PERIOD_NANOS = 60_000_000_000L;
    static final double WARN_SEC_PER_EVT = 0.6;
    static final double CRIT_SEC_PER_EVT = 0.9;

    private final String resource;
    private long lastStat;
    private long lastEvents;
    private long lastNanos;

    SelfStats(String engineName, long now) {
        this.resource = EngineConfig.queueOf(engineName);
        this.lastStat = now;
    }

    /** The statistics event when one is due at {@code now} and events were processed since the last one, else null. */
    ObjectNode due(long now, long events, long processingNanos) {
        if (now - lastStat < PERIOD_NANOS) {
            return null;
        }
        long count = events - lastEvents;
        double elapsed = (now - lastStat) / 1e9;
        double worked = (processingNanos - lastNanos) / 1e9;
        lastStat = now;
        lastEvents = events;
        lastNanos = processingNanos;
        return count == 0 ? null : event(count / elapsed, worked / count, System.currentTimeMillis() / 1000);
    }

    ObjectNode event(double evtPerSec, double secPerEvt, long timestamp) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode event = json.objectNode();
        event.put("connector", "Engine");
        event.put("connector_name", "engine");
        event.put("event_type", "check");
        event.put("source_type", "resource");
        event.put("component", Host.NAME);
        event.put("resource", resource);
        event.put("timestamp", timestamp);
        event.put("state", secPerEvt > CRIT_SEC_PER_EVT ? 2 : secPerEvt > WARN_SEC_PER_EVT ? 1 : 0);
        event.put("state_type", 1);
        event.put("output", String.format(Locale.ROOT, "%.2f evt/sec, %.5f sec/evt", evtPerSec, secPerEvt));
        event.putNull("long_output");
        event.put("component_problem", false);
        ArrayNode perfData = event.putArray("perf_data_array");
        perfData.addObject().put("retention", 3600).put("metric", "cps_evt_per_sec")
                .put("value", round(evtPerSec, 2)).put("unit", "evt");
        perfData.addObject().put("retention", 3600).put("metric", "cps_sec_per_evt")
                .put("value", round(secPerEvt, 5)).put("unit", "s")
                .put("warn", WARN_SEC_PER_EVT).put("crit", CRIT_SEC_PER_EVT);
        return event;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The host's name, Canopsis' {@code getfqdn()}, looked up once. */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
