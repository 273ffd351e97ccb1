package dev.orchestrator.chaos.scenario;

import dev.orchestrator.chaos.Figures;
import dev.orchestrator.chaos.Lab;
import dev.orchestrator.chaos.Scenario;
import dev.orchestrator.chaos.stream.Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream.Builder;

/**
 * Scenario 9: a steady stream through 20 workers (2 engines x 10) for {@code seconds}; the daemon's resident memory,
 * threads and open file descriptors ({@code /proc/PID/status}, {@code /proc/PID/fd}) are sampled every
 * {@value #SAMPLE_SECONDS} s and must stay flat after the warm-up (the first fifth, at least {@value #WARM_UP_SECONDS}
 * s: G1 sizes its young generation in the first ~40 s, the old generation stays flat): threads and descriptors within
 * a few, resident memory at the end within {@value #RSS_GROWTH} times its value after the warm-up.
 */
public final class Soak implements Scenario {

    static final int SAMPLE_SECONDS = 10;
    static final int RATE = 500;
    static final double RSS_GROWTH = 1.2;
    static final int WARM_UP_SECONDS = 60;

    private final int seconds;

    public Soak(int seconds) {
        this.seconds = seconds;
    }

    @Override public int number() { return 9; }

    @Override public String title() { return "soak: 20 workers at a steady rate"; }

    /** One reading of the daemon's resources. */
    record Sample(double seconds, long rssKb, int threads, int fds) { }

    @Override
    public Figures run(Lab lab) throws Exception {
        Chain chain = Chain.start(lab, "s9-soak", 10);
        long pid = chain.daemon().pid();
        long events = (long) RATE * seconds;
        long start = System.nanoTime();
        Stream stream = chain.normalEvents(events, RATE);
        List<Sample> samples = new ArrayList<>();
        while (true) {
            samples.add(sample(pid, (System.nanoTime() - start) / 1e9));
            lab.log("soak " + samples.get(samples.size() - 1) + ", " + stream.feed().published().size() + " published");
            if (stream.feed().published().size() >= events) break;
            TimeUnit.SECONDS.sleep(SAMPLE_SECONDS);
        }
        Figures figures = stream.settle(Duration.ofSeconds(30));
        samples.add(sample(pid, (System.nanoTime() - start) / 1e9));
        writeCsv(lab.home().resolve("chaos/target/soak.csv"), samples);

        double warmUp = Math.max(WARM_UP_SECONDS, seconds / 5.0);
        List<Sample> steady = samples.stream().filter(x -> x.seconds() >= warmUp).toList();
        if (steady.isEmpty()) steady = List.of(samples.get(samples.size() - 1));
        Sample warm = steady.get(0);
        Sample end = samples.get(samples.size() - 1);
        int threadSpread = spread(steady.stream().mapToInt(Sample::threads).toArray());
        int fdSpread = spread(steady.stream().mapToInt(Sample::fds).toArray());
        long rssMax = steady.stream().mapToLong(Sample::rssKb).max().orElse(0);
        figures = figures.described(String.format(Locale.ROOT, "%d s at %d ev/s", seconds, RATE),
                String.format(Locale.ROOT, "after a %.0f s warm-up: RSS %d -> %d MB (max %d), threads %d -> %d (spread %d),"
                                + " fds %d -> %d (spread %d); %d samples in chaos/target/soak.csv",
                        warmUp, warm.rssKb() / 1024, end.rssKb() / 1024, rssMax / 1024, warm.threads(), end.threads(),
                        threadSpread, warm.fds(), end.fds(), fdSpread, samples.size()));
        if (threadSpread > 4) figures = figures.withFailure("threads varied by " + threadSpread);
        if (fdSpread > 8) figures = figures.withFailure("file descriptors varied by " + fdSpread);
        if (end.rssKb() > RSS_GROWTH * warm.rssKb()) figures = figures.withFailure("resident memory grew");
        return Faults.daemonHealthy(chain, figures);
    }

    static Sample sample(long pid, double at) throws IOException {
        long rss = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
            if (line.startsWith("Threads:")) threads = Integer.parseInt(line.replaceAll("\\D", ""));
        }
        int fds;
        try (java.util.stream.Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = (int) list.count();
        }
        return new Sample(Math.round(at * 10) / 10.0, rss, threads, fds);
    }

    private static int spread(int[] values) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    private static void writeCsv(Path file, List<Sample> samples) throws IOException {
        Builder<String> lines = java.util.stream.Stream.builder();
        lines.add("seconds,rss_kb,threads,fds");
        samples.forEach(s -> lines.add(s.seconds() + "," + s.rssKb() + "," + s.threads() + "," + s.fds()));
        Files.createDirectories(file.getParent());
        Files.write(file, lines.build().toList());
    }
}
