package dev.orchestrator.http;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time limits on blocking socket reads and writes: {@link #arm} schedules the end of the connection's wait (its
 * input shut down for a read, so the reader sees the end and can still answer 408; the channel closed for a write),
 * and closing the returned handle before then cancels it. One timer thread serves every connection.
 */
public final class Deadlines implements AutoCloseable {

    /** A write that has not progressed for this long ends the connection. */
    static final int WRITE_SECONDS = 30;

    private final ScheduledThreadPoolExecutor timer;

    public Deadlines(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** A pending deadline; {@link #expired()} tells whether it fired. */
    public static final class Armed implements AutoCloseable {
        private volatile ScheduledFuture<?> future;
        private volatile boolean expired;

        public boolean expired() { return expired; }

        @Override
        public void close() { future.cancel(false); }
    }

    /** Closes the channel if still waiting after {@code seconds}. */
    public Armed arm(SocketChannel channel, long seconds) {
        return schedule(seconds, () -> closeQuietly(channel));
    }

    /** Shuts the channel's input down if still waiting after {@code seconds}: a blocked read then sees the end. */
    public Armed armRead(SocketChannel channel, long seconds) {
        return schedule(seconds, () -> {
            try {
                channel.shutdownInput();
            } catch (IOException e) {
                closeQuietly(channel);
            }
        });
    }

    private Armed schedule(long seconds, Runnable action) {
        Armed armed = new Armed();
        armed.future = timer.schedule(() -> {
            armed.expired = true;
            action.run();
        }, seconds, TimeUnit.SECONDS);
        return armed;
    }

    @Override
    public void close() { timer.shutdownNow(); }

    static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a broken channel: nothing left to do
        }
    }
}
