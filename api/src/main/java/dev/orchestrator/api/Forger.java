package dev.orchestrator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Canopsis' {@code forger()} ({@code canopsis/event/__init__.py}), for the events an engine makes itself: the
 * fields it always set ({@code connector}, {@code connector_name}, {@code event_type}, {@code source_type},
 * {@code component}, {@code timestamp}, {@code state} 0, {@code state_type} 1, {@code output} and
 * {@code long_output} null), {@code resource} switching a component event to {@code source_type=resource}, and
 * {@code component_problem=false} on a check with a resource. The caller sets the rest. (The original's reverse DNS
 * look-up of a component that is an IP address is left out.)
 */
public final class Forger {

    /** {@code getfqdn()}: the component of an event forged without one. */
    public static final String HOST = fqdn();

    private Forger() { }

    /**
     * A forged event.
     *
     * @param component null: this host's name
     * @param resource null or empty: none
     */
    public static ObjectNode forge(String eventType, String connector, String connectorName, String sourceType,
                                   String component, String resource, long timestamp) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("connector", connector);
        event.put("connector_name", connectorName);
        event.put("event_type", eventType);
        boolean hasResource = resource != null && !resource.isEmpty();
        event.put("source_type", hasResource && sourceType.equals("component") ? "resource" : sourceType);
        event.put("component", component == null || component.isEmpty() ? HOST : component);
        event.put("timestamp", timestamp);
        event.put("state", 0);
        event.put("state_type", 1);
        event.putNull("output");
        event.putNull("long_output");
        if (hasResource) {
            event.put("resource", resource);
            if (eventType.equals("check")) event.put("component_problem", false);
        }
        return event;
    }

    private static String fqdn() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
