package dev.orchestrator.runtime;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a processed event goes: the queue of every engine in {@code next}, or, with {@code next_balanced}, one of
 * them in turn (Canopsis' {@code Engine.next_balanced}).
 */
final class NextHops {

    private final String[] queues;
    private final boolean balanced;
    private int turn;

    NextHops(List<String> queues, boolean balanced) {
        this.queues = queues.toArray(String[]::new);
        this.balanced = balanced;
    }

    boolean isEmpty() {
        return queues.length == 0;
    }

    /** Hands the queues of the next event to {@code send}. */
    void route(Consumer<String> send) {
        if (balanced) {
            send.accept(queues[turn]);
            turn = (turn + 1) % queues.length;
        } else {
            for (String queue : queues) {
                send.accept(queue);
            }
        }
    }
}
