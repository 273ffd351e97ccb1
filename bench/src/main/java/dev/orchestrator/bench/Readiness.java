package dev.orchestrator.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether workers really consume: the broker's consumer count of each engine queue (a passive declare), which tells
 * when the workers the daemon reports RUNNING have connected, declared and subscribed.
 */
final class Readiness {

    private Readiness() { }

    /** Waits until each of {@code queues} has {@code consumers} consumers; false when {@code timeoutSeconds} passed. */
    static boolean await(VirtualHost broker, Collection<String> queues, int consumers, int timeoutSeconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Connection connection = broker.connect("bench-readiness")) {
            while (System.nanoTime() < deadline) {
                if (ready(connection, queues, consumers)) return true;
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return false;
    }

    private static boolean ready(Connection connection, Collection<String> queues, int consumers) throws IOException {
        Channel channel = connection.createChannel();
        try {
            for (String queue : queues) {
                if (channel.queueDeclarePassive(queue).getConsumerCount() < consumers) return false;
            }
            return true;
        } catch (IOException e) {
            return false; // a queue not declared yet closes the channel (404): not ready
        } finally {
            if (channel.isOpen()) {
                try {
                    channel.close();
                } catch (TimeoutException | IOException ignored) {
                    // the next poll opens a new channel
                }
            }
        }
    }
}
