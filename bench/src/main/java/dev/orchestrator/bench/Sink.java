package dev.orchestrator.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer at the end of an engine chain, consuming as PerfTest's consumer does (manual acks with
 * {@code multiple=true} every {@link Workload#multiAck()} messages, the workload's prefetch): it counts deliveries
 * and, when asked, records each event's end-to-end latency with its arrival time.
 */
final class Sink extends DefaultConsumer {

    private final AtomicLong received = new AtomicLong();
    private final int multiAck;
    private final long[] arrivals;
    private final long[] latencies;
    private int unacked;
    private int recorded;

    /** Starts consuming {@code queue} (declared as the runtime declares an engine queue); {@code samples}: latencies to keep (0: none). */
    Sink(Channel channel, String queue, Workload workload, int samples) throws IOException {
        super(channel);
        this.multiAck = workload.multiAck();
        this.arrivals = new long[samples];
        this.latencies = new long[samples];
        channel.queueDeclare(queue, true, false, false, null);
        channel.basicQos(workload.prefetch());
        channel.basicConsume(queue, false, this);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
        long now = System.nanoTime();
        received.incrementAndGet();
        if (recorded < arrivals.length) {
            long sent = EventBodies.stamp(body);
            if (sent > 0) record(now, now - sent);
        }
        if (++unacked >= multiAck) {
            getChannel().basicAck(envelope.getDeliveryTag(), true);
            unacked = 0;
        }
    }

    private synchronized void record(long arrival, long latency) {
        arrivals[recorded] = arrival;
        latencies[recorded++] = latency;
    }

    long received() { return received.get(); }

    /** The latencies (ns) of the events that arrived in [{@code from}, {@code to}) ns, per window of {@code window} ns. */
    synchronized LatencyWindows latencies(long from, long to, long window) {
        return LatencyWindows.of(arrivals, latencies, recorded, from, to, window);
    }
}
