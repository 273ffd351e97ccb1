package dev.orchestrator.testing;

import dev.orchestrator.supervision.Worker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A worker running on its own thread, as the supervisor runs it; {@link #close()} stops it and returns its exit. */
public final class RunningWorker implements AutoCloseable {

    private final Worker worker;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private RunningWorker(Worker worker, String name) {
        this.worker = worker;
        this.thread = new Thread(() -> {
            try {
                exit.complete(worker.run());
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    public static RunningWorker start(Worker worker, String name) {
        return new RunningWorker(worker, name);
    }

    public Worker worker() { return worker; }

    public Thread thread() { return thread; }

    public CompletableFuture<Integer> exit() { return exit; }

    /** Requests a stop and waits for the exit code (10 s at most). */
    public int stop() throws InterruptedException, ExecutionException, TimeoutException {
        worker.requestStop();
        return exit.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}
