package dev.orchestrator.daemon;

import dev.orchestrator.supervision.Worker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code orchestrator daemon} with test workers instead of engines, for tests that run a real daemon JVM:
 * {@code TestDaemonMain CONFIG AMQP_URI}. Each worker prints when it starts and when it has stopped cleanly.
 */
public final class TestDaemonMain {

    private TestDaemonMain() { }

    public static void main(String[] args) {
        Daemon.Options options = new Daemon.Options(args[1], 0, true);
        System.exit(Daemon.run(Path.of(args[0]), options, (configuration, amqp) -> process -> new Polite(process.name()),
                System.err));
    }

    /** Runs until asked to stop, saying so in its log. */
    static final class Polite implements Worker {
        private final String name;
        private final CountDownLatch stop = new CountDownLatch(1);

        Polite(String name) { this.name = name; }

        @Override
        public int run() throws InterruptedException {
            System.out.println(name + " started");
            stop.await();
            System.out.println(name + " stopped cleanly");
            return 0;
        }

        @Override
        public void requestStop() { stop.countDown(); }

        @Override
        public void abort() { stop.countDown(); }

        @Override
        public Map<String, Object> counters() { return Map.of(); }
    }
}
