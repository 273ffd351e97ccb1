package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Events;
import dev.orchestrator.chaos.stream.Stream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 4: 1% poison events in a stream, half not JSON, half JSON that makes the task throw: exactly those land
 * in the error queues, each with its reason in the headers; every other event goes through; the workers keep running.
 */
public final class PoisonEvents implements Scenario {

    private final int events;

    public PoisonEvents(int events) {
        this.events = events;
    }

    @Override public int number() { return 4; }

    @Override public String title() { return "1% poison events (not JSON, task throws)"; }

    /** Every hundredth id is poison: alternately not JSON and throwing. */
    static Events.Kind kindOf(long id) {
        if (id % 100 != 37) return Events.Kind.NORMAL;
        return (id / 100) % 2 == 0 ? Events.Kind.NOT_JSON : Events.Kind.THROWS;
    }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s4-poison", 2);
        Stream stream = chain.stream().start(0, events, id -> chain.events().make(id, kindOf(id)), 0);
        Figures figures = stream.settleWithPoison(Duration.ofSeconds(30));
        Set<Long> poison = new HashSet<>();
        for (long id = 0; id < events; id++) if (kindOf(id) != Events.Kind.NORMAL) poison.add(id);
        Map<Long, String> errors = stream.tally().errors();
        long withoutReason = errors.values().stream().filter(String::isBlank).count();
        long wrongReason = errors.entrySet().stream().filter(e -> !e.getValue().contains(
                kindOf(e.getKey()) == Events.Kind.NOT_JSON ? "not JSON" : "poison event " + e.getKey())).count();
        long poisonDelivered = poison.stream().filter(stream.tally()::isDelivered).count();
        String sample = errors.values().stream().filter(r -> r.contains("JSON") || r.contains("json")).findFirst()
                .orElse("-") + " / " + errors.values().stream().filter(r -> r.contains("poison")).findFirst().orElse("-");
        figures = figures.described("-", poison.size() + " poison sent; reasons e.g. " + sample);
        if (!errors.keySet().equals(poison)) {
            figures = figures.withFailure("error-queued ids differ from the poison ids (" + errors.size() + " vs "
                    + poison.size() + ")");
        }
        if (poisonDelivered > 0) figures = figures.withFailure(poisonDelivered + " poison events went through");
        if (withoutReason > 0) figures = figures.withFailure(withoutReason + " error messages without a reason");
        if (wrongReason > 0) figures = figures.withFailure(wrongReason + " error messages with another reason than theirs");
        return Faults.daemonHealthy(chain, figures);
    }
}
