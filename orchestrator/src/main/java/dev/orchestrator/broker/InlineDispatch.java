package dev.orchestrator.broker;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * amqp-client's consumer dispatch run on the connection's own reader thread, instead of a pool: a delivery goes from
 * the socket to its worker's inbox with one thread hand-off, not two (the pool's thread woken per delivery, then the
 * worker). Safe because the consumers' handlers only enqueue ({@code runtime.Session}); a handler that blocked would
 * stop the connection's reader.
 */
final class InlineDispatch extends AbstractExecutorService {

    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
