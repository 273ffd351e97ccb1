package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.DaemonProcess;
import dev.orchestrator.chaos.Installation;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Rabbit;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The usual set-up of a stream scenario: a fresh vhost, a chain {@code chaos_a -> chaos_b -> sink} of
 * {@code workers} workers each, its daemon started and RUNNING, and a {@link Stream} ready to publish.
 */
record Chain(String uri, String vhost, Installation installation, DaemonProcess daemon, Stream stream, Events events) {

    static final List<String> ENGINES = List.of("chaos_a", "chaos_b");

    static Chain start(Lab lab, String name, int workers) throws Exception {
        return start(lab, name, workers, UnaryOperator.identity());
    }

    static Chain start(Lab lab, String name, int workers, UnaryOperator<Installation> customize) throws Exception {
        String uri = lab.vhost().uri();
        Installation installation = customize.apply(new Installation(lab.scratch(name), ENGINES, workers)).write();
        DaemonProcess daemon = DaemonProcess.start(lab, installation, uri);
        Stream stream = lab.register(new Stream(lab, uri, installation));
        return new Chain(uri, Rabbit.vhostOf(uri), installation, daemon, stream, new Events(lab.seed()));
    }

    /** Starts publishing {@code count} normal events, ids from 0. */
    Stream normalEvents(long count, double perSecond) {
        return stream.start(0, count, id -> events.make(id, Events.Kind.NORMAL), perSecond);
    }

    int expectedWorkers() {
        return installation.engines().size() * installation.workers();
    }
}
