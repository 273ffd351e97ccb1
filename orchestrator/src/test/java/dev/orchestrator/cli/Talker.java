package dev.orchestrator.cli;

import dev.orchestrator.supervision.Worker;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test worker that prints the lines it is given to its standard output (its process log) until stopped. */
final class Talker implements Worker {

    private static final String STOP = "\u0000stop";
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Talker say(String line) {
        lines.add(line);
        return this;
    }

    @Override
    public int run() throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (STOP.equals(line)) return 0;
            if (line != null) {
                System.out.println(line);
                System.out.flush();
            }
        }
    }

    @Override
    public void requestStop() { lines.add(STOP); }

    @Override
    public void abort() { lines.add(STOP); }

    @Override
    public Map<String, Object> counters() { return Map.of("lines", lines.size()); }
}
