package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.RabbitCluster;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Scenarios 11 to 14: a chain of three engines on quorum queues ({@code queue_type=quorum}) on a 3-node RabbitMQ
 * cluster ({@link RabbitCluster}), the daemon given every node's URI, and one fault mid-stream: the node holding
 * most queue leaders stopped, a node killed with -9 and booted again, a node cut off from the others, or one of
 * three daemons sharing the queues killed with -9. Recovery: from the fault until events come out of the chain
 * again.
 */
public final class ClusterFault implements Scenario {

    static final List<String> ENGINES = List.of("chaos_a", "chaos_b", "chaos_c");
    static final int OUTAGE_SECONDS = 5;

    /** The fault, with its scenario number and title. */
    public enum Kind {
        LEADER_STOPPED(11, "cluster: node holding the queue leaders stopped"),
        NODE_KILLED(12, "cluster: node killed with -9, booted again"),
        PARTITION(13, "cluster: node cut off from the others"),
        DAEMON_KILLED(14, "cluster: three daemons, kill -9 of one");

        final int number;
        final String title;

        Kind(int number, String title) {
            this.number = number;
            this.title = title;
        }
    }

    private final Kind kind;
    private final int events;

    public ClusterFault(Kind kind, int events) {
        this.kind = kind;
        this.events = events;
    }

    @Override public int number() { return kind.number; }

    @Override public String title() { return kind.title; }

    @Override
    public Figures run(Lab lab) throws Exception {
        RabbitCluster cluster = lab.cluster();
        String vhost = cluster.addVhost("chaos-" + kind.number + "-" + UUID.randomUUID().toString().substring(0, 8));
        lab.register(() -> cluster.deleteVhost(vhost));
        String uri = cluster.uris(vhost);
        String name = "s" + kind.number + "-cluster";
        Installation installation = new Installation(lab.scratch(name), ENGINES, 2).quorum().write();
        DaemonProcess daemon = DaemonProcess.start(lab, installation, uri);
        List<DaemonProcess> others = new ArrayList<>();
        if (kind == Kind.DAEMON_KILLED) {
            for (String host : List.of("b", "c")) {
                Installation other = new Installation(lab.scratch(name + "-" + host), ENGINES, 2).quorum().write();
                others.add(DaemonProcess.start(lab, other, uri));
            }
        }
        Stream stream = lab.register(new Stream(lab, uri, installation));
        Chain chain = new Chain(uri, vhost, installation, daemon, stream, new Events(lab.seed()));
        chain.normalEvents(events, 0);
        stream.awaitPublished(events / 3);
        long fault = System.nanoTime();
        String what = inject(lab, cluster, vhost, chain);
        String recovery = recovery(stream, fault);
        Figures figures = stream.settle(Duration.ofSeconds(60)).described(recovery,
                what + "; " + Math.round(stream.publishRate()) + " ev/s published");
        if (kind == Kind.DAEMON_KILLED) {
            DaemonProcess survivor = others.get(0);
            chain = new Chain(uri, vhost, survivor.installation(), survivor, stream, chain.events());
        }
        return Faults.daemonHealthy(chain, figures);
    }

    private String inject(Lab lab, RabbitCluster cluster, String vhost, Chain chain) throws Exception {
        int node = cluster.busiestLeader(vhost);
        switch (kind) {
            case LEADER_STOPPED -> {
                try {
                    cluster.stopNode(node);
                    lab.log("node c" + node + " stopped (stop_app), it held most queue leaders");
                    TimeUnit.SECONDS.sleep(OUTAGE_SECONDS);
                } finally {
                    cluster.startNode(node);
                }
                return "leader node c" + node + " down " + OUTAGE_SECONDS + " s";
            }
            case NODE_KILLED -> {
                cluster.killNode(node);
                lab.log("node c" + node + " killed with -9");
                TimeUnit.SECONDS.sleep(OUTAGE_SECONDS);
                cluster.restartNode(node);
                return "node c" + node + " killed, booted again after " + OUTAGE_SECONDS + " s";
            }
            case PARTITION -> {
                cluster.partition(node, 10);
                return "node c" + node + " cut off 10 s (pause_minority)";
            }
            case DAEMON_KILLED -> {
                long inFlight = chain.stream().missing();
                chain.daemon().kill9();
                lab.log("daemon a killed with " + inFlight + " events not yet out of the chain");
                return "1 of 3 daemons killed with " + inFlight + " events inside the chain";
            }
        }
        throw new AssertionError(kind);
    }

    /** From the fault until the sink receives again (at most 3 minutes). */
    private static String recovery(Stream stream, long fault) {
        long after = Math.max(fault, System.nanoTime());
        Awaitility.await("events out of the chain again").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stream.tally().lastArrival() > after || stream.missing() == 0);
        return String.format(Locale.ROOT, "events flowing again %.1f s after the fault",
                (stream.tally().lastArrival() - fault) / 1e9);
    }
}
