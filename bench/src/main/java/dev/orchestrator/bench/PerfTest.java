package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs RabbitMQ PerfTest ({@code com.rabbitmq.perf.PerfTest}, from bench/perftest/target/lib) in its own JVM with the
 * {@link Workload}'s settings (persistent {@code --json-body} messages of the same size, confirms, manual multi-acks,
 * prefetch), for warm-up plus measured seconds, and reads its per-second CSV: the rates and latencies of the
 * intervals after the warm-up. It also reads PerfTest's CPU time over (most of) the measured seconds.
 */
final class PerfTest {

    private final Path lib;
    private final Path workDir;
    private final String uri;
    private final Workload workload;
    private int runs;

    PerfTest(Path lib, Path workDir, String uri, Workload workload) {
        this.lib = lib;
        this.workDir = workDir;
        this.uri = uri;
        this.workload = workload;
    }

    /** One producer and one consumer per queue over {@code queues} queues ({@code pt-1}...), at most {@code rate} msg/s per producer (0: no limit). */
    PerfTestResult run(int queues, int rate) throws IOException, InterruptedException {
        String id = "pt" + queues + "q" + (rate > 0 ? "-r" + rate : "") + "-" + ++runs;
        Path csv = workDir.resolve(id + ".csv");
        Path log = workDir.resolve(id + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib.resolve("*").toString(), "com.rabbitmq.perf.PerfTest",
                "--uri", uri, "--id", id,
                "--queue-pattern", "pt-%d", "--queue-pattern-from", "1", "--queue-pattern-to", Integer.toString(queues),
                "--producers", Integer.toString(queues), "--consumers", Integer.toString(queues),
                "--size", Integer.toString(workload.messageBytes()), "--json-body", "--flag", "persistent",
                "--confirm", Integer.toString(workload.confirmWindow()),
                "--qos", Integer.toString(workload.prefetch()),
                "--multi-ack-every", Integer.toString(workload.multiAck()),
                "--auto-delete", "false", "--interval", "1",
                "--time", Integer.toString(workload.totalSeconds()), "--output-file", csv.toString()));
        if (rate > 0) command.addAll(List.of("--rate", Integer.toString(rate)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(workload.warmupSeconds());
        double cpu0 = ProcessCpu.seconds(process.pid());
        TimeUnit.SECONDS.sleep(workload.seconds() - 1);
        double cpuSeconds = ProcessCpu.seconds(process.pid()) - cpu0;
        double measuredSeconds = (System.nanoTime() - started) / 1e9 - workload.warmupSeconds();
        if (!process.waitFor(workload.totalSeconds() + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("PerfTest did not end; see " + log);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(csv)) {
            throw new IOException("PerfTest failed (exit " + process.exitValue() + "); see " + log);
        }
        PerfTestResult result = PerfTestResult.parse(Files.readAllLines(csv, StandardCharsets.UTF_8), workload.warmupSeconds(), queues);
        return result.withCpu(cpuSeconds * 1e6 / (result.receivedPerSecond() * measuredSeconds))
                .withSummary(Files.readString(log, StandardCharsets.UTF_8));
    }
}
