package dev.orchestrator.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.orchestrator.feed.EventPublisher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives an engine chain run by the daemon: producer threads publish {@link EventBodies} into the first engine
 * through the feeder's {@link EventPublisher} (persistent, async confirms over the workload's window) at full speed
 * or at a fixed rate, and a {@link Sink} consumes the queue after the last engine. After the warm-up it measures the
 * sink's rate over the measured seconds and the end-to-end latency; then it purges the chain's queues so that the
 * next run starts empty.
 */
final class EventLoad {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final VirtualHost broker;
    private final Workload workload;

    EventLoad(VirtualHost broker, Workload workload) {
        this.broker = broker;
        this.workload = workload;
    }

    /**
     * Warms a freshly started daemon up (its JIT compiles the worker's path): a full-speed run of twice the warm-up
     * whose figures are dropped. A daemon is a long-running server; PerfTest's warm-up is the start of each of its runs.
     */
    void warm(List<String> queues, int producers, long daemonPid) throws IOException, InterruptedException {
        run(queues, producers, 0, daemonPid, 2 * workload.warmupSeconds(), 0);
    }

    /**
     * One run into the chain whose queues are {@code queues} (the sink's last) by {@code producers} producers (each
     * its own connection), at {@code rate} events/s in all (0: full speed); {@code daemonPid} is the process whose
     * CPU time per event is measured.
     */
    LoadResult run(List<String> queues, int producers, int rate, long daemonPid) throws IOException, InterruptedException {
        return run(queues, producers, rate, daemonPid, workload.warmupSeconds(), workload.seconds());
    }

    private LoadResult run(List<String> queues, int producers, int rate, long daemonPid, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        String sinkQueue = queues.get(queues.size() - 1);
        int samples = rate > 0 ? rate * (warmupSeconds + seconds + 5) : 0;
        List<Producer> running = new ArrayList<>();
        try (Connection sinkConnection = broker.connect("bench-sink")) {
            Sink sink = new Sink(sinkConnection.createChannel(), sinkQueue, workload, samples);
            try {
                long begin = System.nanoTime();
                for (int i = 0; i < producers; i++) running.add(new Producer(i, rate / producers));
                TimeUnit.SECONDS.sleep(warmupSeconds);
                long backlogBefore = backlog(sinkConnection, queues.get(0));
                long t0 = System.nanoTime();
                long r0 = sink.received();
                long p0 = confirmed(running);
                double c0 = ProcessCpu.seconds(daemonPid);
                double s0 = ProcessCpu.contextSwitches(daemonPid);
                TimeUnit.SECONDS.sleep(seconds);
                long t1 = System.nanoTime();
                long r1 = sink.received();
                long p1 = confirmed(running);
                double c1 = ProcessCpu.seconds(daemonPid);
                double s1 = ProcessCpu.contextSwitches(daemonPid);
                long backlog = backlog(sinkConnection, queues.get(0));
                double elapsed = (t1 - t0) / 1e9;
                LatencyWindows latency = sink.latencies(t0, t1, WINDOW_NANOS);
                LatencyWindows wholeRun = sink.latencies(begin, t1, WINDOW_NANOS);
                String failure = running.stream().map(p -> p.failure).filter(f -> f != null).findFirst().orElse(null);
                return new LoadResult((r1 - r0) / elapsed, (p1 - p0) / elapsed, latency.p50Ms(), latency.p99Ms(),
                        latency.p99WindowMedianMs(), wholeRun.p99Ms(), (c1 - c0) * 1e6 / Math.max(1, r1 - r0),
                        (s1 - s0) / Math.max(1, r1 - r0), backlog, backlog - backlogBefore,
                        failure);
            } finally {
                for (Producer p : running) p.stop();
                purge(sinkConnection, queues);
            }
        }
    }

    private static long confirmed(List<Producer> producers) {
        return producers.stream().mapToLong(p -> p.publisher.confirmed()).sum();
    }

    /** Messages ready in {@code queue}: what the first engine has not taken yet. */
    private static long backlog(Connection connection, String queue) throws IOException {
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (TimeoutException e) {
            throw new IOException("reading the depth of " + queue + " timed out", e);
        }
    }

    /** Empties {@code queues}. */
    static void purge(Connection connection, List<String> queues) throws IOException {
        try (Channel channel = connection.createChannel()) {
            for (String queue : queues) channel.queuePurge(queue);
        } catch (TimeoutException e) {
            throw new IOException("purging the chain's queues timed out", e);
        }
    }

    /** A thread publishing on a connection of its own until stopped, paced to {@code rate} per second when positive. */
    private final class Producer implements Runnable {
        private final Connection connection;
        private final EventPublisher publisher;
        private final EventBodies bodies = new EventBodies(workload.messageBytes());
        private final int rate;
        private final Thread thread;
        private volatile boolean stop;
        private volatile String failure;

        Producer(int number, int rate) throws IOException {
            this.rate = rate;
            this.connection = broker.connect("bench-producer-" + number);
            try {
                this.publisher = new EventPublisher(connection, ConfigTree.EVENTS_EXCHANGE, workload.confirmWindow());
            } catch (IOException e) {
                connection.abort();
                throw e;
            }
            thread = new Thread(this, "bench-producer-" + number);
            thread.start();
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(1) / rate : 0;
            try {
                for (long n = 0; !stop; n++) {
                    if (interval > 0) {
                        long wait = start + n * interval - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                    }
                    publisher.publish(ConfigTree.ROUTING_KEY, bodies.next(System.nanoTime()));
                }
            } catch (IOException | RuntimeException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join(TimeUnit.SECONDS.toMillis(10));
            publisher.close();
            connection.abort();
        }
    }

    /**
     * A run's figures: rates, latency percentiles of all samples of the measured window, the median of its 1 s
     * windows' p99, the p99 of all samples of the whole run (warm-up included, as PerfTest's summary), the daemon's
     * CPU microseconds and context switches per event reaching the sink, the first queue's backlog at the end and its
     * growth over the measured window (ready messages; a consumer that keeps up leaves up to about a prefetch window
     * ready between its ack batches, one that falls behind leaves a growing backlog), and what failed.
     */
    record LoadResult(double eventsPerSecond, double publishedPerSecond, double p50Ms, double p99Ms,
            double p99WindowMedianMs, double p99WholeRunMs, double daemonCpuMicrosPerEvent, double daemonContextSwitchesPerEvent, long backlog,
            long backlogGrowth, String failure) { }
}
