package dev.orchestrator.supervision;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one call per item all at once and hands over each outcome as it completes, as supervisord's
 * {@code startAllProcesses} starts every process and reports each when its wait ends. The calls run on threads of
 * their own, never on the supervisor's.
 */
public final class Concurrently {

    /** Receives outcomes in completion order. */
    @FunctionalInterface
    public interface Sink<R, E extends Exception> {
        void accept(R outcome) throws E;
    }

    private Concurrently() { }

    /** Calls {@code call} on every item at once; {@code sink} gets each outcome as it completes. */
    public static <T, R, E extends Exception> void run(List<T> items, Function<T, R> call, Sink<R, E> sink)
            throws E, InterruptedException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "control-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<R> done = new ExecutorCompletionService<>(threads);
            for (T item : items) done.submit(() -> call.apply(item));
            for (int i = 0; i < items.size(); i++) sink.accept(done.take().get());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdown();
        }
    }
}
