package dev.orchestrator.feed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic Canopsis events, reproducible from a seed: Nagios/Shinken/Centreon/Icinga checks on hosts and their
 * services with the states, outputs and Nagios perf_data strings those connectors send, syslog logs, collectd
 * perf events, and a few events of a {@code debug} connector (which the sample event_filter rules drop).
 */
public final class SampleEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[][] MONITORS = {
            {"nagios", "nagios-paris"}, {"shinken", "shinken-lyon"}, {"centreon", "centreon-prod"}, {"icinga", "icinga2-dc1"}};
    private static final String[] HOSTS = {
            "web-01", "web-02", "web-03", "web-04", "db-01", "db-02", "lb-01", "cache-01", "mq-01", "app-01", "app-02", "backup-01"};
    private static final String[] STATES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    /** A monitored service: its name and how its perf_data and output read for a measured value. */
    private record Service(String name, String unit, double min, double max, double warn, double crit, String metric) {

        String perfData(double value) {
            return String.format(Locale.ROOT, "%s=%.2f%s;%s;%s;%s;%s", metric, value, unit, num(warn), num(crit), num(min), num(max));
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private static final Service[] SERVICES = {
            new Service("CPU load", "", 0, 16, 4, 8, "load1"),
            new Service("Disk /", "MB", 0, 5968, 5948, 5958, "/"),
            new Service("Memory", "%", 0, 100, 80, 90, "used"),
            new Service("HTTP", "s", 0, 10, 1, 2, "time"),
            new Service("PING", "ms", 0, 1000, 100, 500, "rta"),
            new Service("Swap", "%", 0, 100, 50, 80, "swap_used"),
    };

    private final SplittableRandom random;

    public SampleEvents(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next event: about 80% checks, 10% logs, 5% perf events, 5% from the debug connector. */
    public ObjectNode next() {
        int kind = random.nextInt(100);
        if (kind < 80) return check();
        if (kind < 90) return log();
        if (kind < 95) return perf();
        return debug();
    }

    private ObjectNode base(String connector, String connectorName, String eventType, String component) {
        ObjectNode event = NODES.objectNode();
        event.put("connector", connector);
        event.put("connector_name", connectorName);
        event.put("event_type", eventType);
        event.put("source_type", "component");
        event.put("component", component);
        event.put("timestamp", System.currentTimeMillis() / 1000);
        return event;
    }

    private static void resource(ObjectNode event, String resource) {
        event.put("source_type", "resource");
        event.put("resource", resource);
    }

    private ObjectNode check() {
        String[] monitor = MONITORS[random.nextInt(MONITORS.length)];
        String host = HOSTS[random.nextInt(HOSTS.length)];
        ObjectNode event = base(monitor[0], monitor[1], "check", host);
        int roll = random.nextInt(100);
        int state = roll < 70 ? 0 : roll < 85 ? 1 : roll < 95 ? 2 : 3;
        event.put("state", state);
        event.put("state_type", random.nextInt(10) == 0 ? 0 : 1);
        if (random.nextInt(4) == 0) {
            event.put("output", "PING " + STATES[state] + " - Packet loss = 0%, RTA = " + (1 + random.nextInt(90)) + " ms");
            return event;
        }
        Service service = SERVICES[random.nextInt(SERVICES.length)];
        resource(event, service.name());
        double value = valueFor(service, state);
        event.put("output", String.format(Locale.ROOT, "%s %s - %s = %.2f%s", service.name().toUpperCase(Locale.ROOT),
                STATES[state], service.metric(), value, service.unit()));
        event.put("perf_data", service.perfData(value));
        return event;
    }

    /** A value in the band its state implies: under warn for OK, between warn and crit for WARNING, above for CRITICAL. */
    private double valueFor(Service s, int state) {
        return switch (state) {
            case 0 -> s.min() + random.nextDouble() * (s.warn() - s.min());
            case 1 -> s.warn() + random.nextDouble() * (s.crit() - s.warn());
            case 2 -> s.crit() + random.nextDouble() * (s.max() - s.crit());
            default -> s.min();
        };
    }

    private ObjectNode log() {
        String host = HOSTS[random.nextInt(HOSTS.length)];
        ObjectNode event = base("syslog", "rsyslog-01", "log", host);
        String[] lines = {"sshd[812]: Accepted publickey for deploy", "kernel: eth0: link up, 1000 Mbps",
                "CRON[2231]: (root) CMD (run-parts /etc/cron.hourly)", "systemd[1]: Started Daily apt upgrade."};
        String line = lines[random.nextInt(lines.length)];
        resource(event, line.substring(0, line.indexOf('[') > 0 ? line.indexOf('[') : line.indexOf(':')));
        event.put("output", line);
        event.put("level", random.nextInt(5) == 0 ? "warning" : "info");
        event.put("facility", "daemon");
        return event;
    }

    private ObjectNode perf() {
        String host = HOSTS[random.nextInt(HOSTS.length)];
        ObjectNode event = base("collectd", "collectd2event", "perf", host);
        resource(event, "interface-eth0");
        event.putArray("perf_data_array")
                .add(NODES.objectNode().put("metric", "if_octets_rx").put("value", random.nextInt(1_000_000)).put("type", "DERIVE").put("unit", "B"))
                .add(NODES.objectNode().put("metric", "if_octets_tx").put("value", random.nextInt(1_000_000)).put("type", "DERIVE").put("unit", "B"));
        return event;
    }

    private ObjectNode debug() {
        ObjectNode event = base("debug", "debug-probe", "check", HOSTS[random.nextInt(HOSTS.length)]);
        resource(event, "probe");
        event.put("state", 0);
        event.put("state_type", 1);
        event.put("output", "debug probe heartbeat");
        return event;
    }
}
