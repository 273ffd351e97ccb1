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

    /** One run into the chain whose queues are {@code queues} (the sink's last); {@code rate} events/s, 0 for full speed. */
    LoadResult run(List<String> queues, int rate) throws IOException, InterruptedException {
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
                TimeUnit.SECONDS.sleep(workload.seconds());
                long t1 = System.nanoTime();
                long r1 = sink.received();
                long p1 = publisher.confirmed();
                double seconds = (t1 - t0) / 1e9;
                LatencyWindows latency = sink.latencies(t0, t1, WINDOW_NANOS);
                return new LoadResult((r1 - r0) / seconds, (p1 - p0) / seconds, latency.p50Ms(), latency.p99Ms(),
                        producer.failure);
            } finally {
                producer.stop = true;
                thread.join(TimeUnit.SECONDS.toMillis(10));
                purge(sinkConnection, queues);
            }
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

    /** The sink's rate and the producer's confirmed rate in the measured seconds, the end-to-end latency (NaN at full speed). */
    record LoadResult(double eventsPerSecond, double publishedPerSecond, double p50Ms, double p99Ms, String failure) { }
}
