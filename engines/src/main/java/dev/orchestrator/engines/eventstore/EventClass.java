package dev.orchestrator.engines.eventstore;

import java.util.Set;

/**
 * Canopsis' eventstore classification of event types ({@code etc/cstorage.conf [events]}): checks and logs (and
 * comments, which Canopsis stored as logs) are stored and republished to {@code canopsis.alerts}; other known types
 * ({@code perf}) are neither; an unknown type is reported.
 */
enum EventClass {
    CHECK, LOG, COMMENT, OTHER, UNKNOWN;

    private static final Set<String> CHECKS = Set.of("check", "selector", "sla", "eue", "topology", "toponode", "consolidation");
    private static final Set<String> LOGS = Set.of("trap", "log", "calendar", "ack", "downtime", "cancel", "uncancel",
            "ackremove", "assocticket", "todo");
    private static final Set<String> COMMENTS = Set.of("user", "comment");
    private static final Set<String> OTHERS = Set.of("perf");

    static EventClass of(String eventType) {
        if (CHECKS.contains(eventType)) return CHECK;
        if (LOGS.contains(eventType)) return LOG;
        if (COMMENTS.contains(eventType)) return COMMENT;
        if (OTHERS.contains(eventType)) return OTHER;
        return UNKNOWN;
    }

    /** Stored in the eventstore file and republished to the alerts exchange. */
    boolean stored() {
        return this == CHECK || this == LOG || this == COMMENT;
    }
}
