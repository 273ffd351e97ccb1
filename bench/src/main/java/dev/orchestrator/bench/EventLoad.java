package dev.orchestrator.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.orchestrator.feed.EventPublisher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives an engine chain run by the daemon: a producer thread publishes {@link EventBodies} into the first engine
 * through the feeder's {@link EventPublisher} (persistent, async confirms over the workload's window) at full speed
 * or at a fixed rate, and a {@link Sink} consumes the queue after the last engine. After the warm-up it measures the
 * sink's rate over the measured seconds and the end-to-end latency; then it purges the chain's queues so that the
 * next run starts empty.
 */
final class EventLoad {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final VirtualHost broker;
    private final Workload workload;
    private final EventBodies bodies;

    EventLoad(VirtualHost broker, Workload workload) {
        this.broker = broker;
        this.workload = workload;
        this.bodies = new EventBodies(workload.messageBytes());
    }

    /**
     * Warms a freshly started daemon up (its JIT compiles the worker's path): a full-speed run whose figures are
     * dropped. A daemon is a long-running server; PerfTest's warm-up is the start of each of its runs.
     */
    void warm(List<String> queues, long daemonPid) throws IOException, InterruptedException {
        run(queues, 0, daemonPid);
    }

    /**
     * One run into the chain whose queues are {@code queues} (the sink's last); {@code rate} events/s, 0 for full
     * speed; {@code daemonPid} is the process whose CPU time per event is measured.
     */
    LoadResult run(List<String> queues, int rate, long daemonPid) throws IOException, InterruptedException {
        String sinkQueue = queues.get(queues.size() - 1);
        int samples = rate > 0 ? rate * (workload.totalSeconds() + 5) : 0;
        try (Connection producerConnection = broker.connect("bench-producer");
             Connection sinkConnection = broker.connect("bench-sink");
             EventPublisher publisher = new EventPublisher(producerConnection, ConfigTree.EVENTS_EXCHANGE, workload.confirmWindow())) {
            Sink sink = new Sink(sinkConnection.createChannel(), sinkQueue, workload, samples);
            Producer producer = new Producer(publisher, rate);
            Thread thread = new Thread(producer, "bench-producer");
            thread.start();
            try {
                TimeUnit.SECONDS.sleep(workload.warmupSeconds());
                long t0 = System.nanoTime();
                long r0 = sink.received();
                long p0 = publisher.confirmed();
                double c0 = ProcessCpu.seconds(daemonPid);
                TimeUnit.SECONDS.sleep(workload.seconds());
                long t1 = System.nanoTime();
                long r1 = sink.received();
                long p1 = publisher.confirmed();
                double c1 = ProcessCpu.seconds(daemonPid);
                long backlog = backlog(sinkConnection, queues.get(0));
                double seconds = (t1 - t0) / 1e9;
                LatencyWindows latency = sink.latencies(t0, t1, WINDOW_NANOS);
                return new LoadResult((r1 - r0) / seconds, (p1 - p0) / seconds, latency.p50Ms(), latency.p99Ms(),
                        (c1 - c0) * 1e6 / Math.max(1, r1 - r0), backlog, producer.failure);
            } finally {
                producer.stop = true;
                thread.join(TimeUnit.SECONDS.toMillis(10));
                purge(sinkConnection, queues);
            }
        }
    }

    /** Messages ready in {@code queue}: what the first engine has not taken yet. */
    private static long backlog(Connection connection, String queue) throws IOException {
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (TimeoutException e) {
            throw new IOException("reading the depth of " + queue + " timed out", e);
        }
    }

    private static void purge(Connection connection, List<String> queues) throws IOException {
        try (Channel channel = connection.createChannel()) {
            for (String queue : queues) channel.queuePurge(queue);
        } catch (TimeoutException e) {
            throw new IOException("purging the chain's queues timed out", e);
        }
    }

    /** Publishes until stopped, paced to {@code rate} per second when it is positive. */
    private final class Producer implements Runnable {
        private final EventPublisher publisher;
        private final int rate;
        volatile boolean stop;
        volatile String failure;

        Producer(EventPublisher publisher, int rate) {
            this.publisher = publisher;
            this.rate = rate;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(1) / rate : 0;
            try {
                for (long n = 0; !stop; n++) {
                    if (interval > 0) {
                        long due = start + n * interval;
                        long wait = due - System.nanoTime();
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
    }

    /**
     * The sink's rate and the producer's confirmed rate in the measured seconds, the end-to-end latency (NaN at full
     * speed), the daemon's CPU microseconds per event reaching the sink, and the first queue's depth at the end.
     */
    record LoadResult(double eventsPerSecond, double publishedPerSecond, double p50Ms, double p99Ms,
            double daemonCpuMicrosPerEvent, long backlog, String failure) { }
}
