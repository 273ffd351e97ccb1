package dev.orchestrator.chaos.fuzz;

import dev.orchestrator.chaos.Trees;
import dev.orchestrator.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Scenario 7: thousands of mutated copies of a configuration tree (see {@link ConfigMutator}), each checked by
 * {@code orchestrator check -c FILE} run in-process through picocli. Every case must end with exit 0, or exit 2
 * and a message, within the time limit, with no stack trace in the output; anything else is a {@link Defect},
 * kept with its seed, its mutations and its output (and the tree, under {@code failures/}).
 */
public final class ConfigFuzz {

    /** A case that broke the rule. */
    public record Defect(long seed, List<String> mutations, String problem, String output) {
        @Override
        public String toString() {
            return "seed " + seed + " " + mutations + ": " + problem + "\n" + output.strip().indent(4);
        }
    }

    /** The figures of a run. */
    public record Report(int cases, int valid, int rejected, long slowestMillis, List<Defect> defects) { }

    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception: |Error: java\\.");

    private final Path shippedEtc;
    private final Path workDir;
    private final long timeoutMillis;
    private ExecutorService runner = newRunner();

    /** {@code shippedEtc}: the tree to mutate; {@code workDir}: scratch space for the cases and the failures. */
    public ConfigFuzz(Path shippedEtc, Path workDir, long timeoutMillis) {
        this.shippedEtc = shippedEtc;
        this.workDir = workDir;
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code cases} cases, case {@code i} from seed {@code baseSeed + i}. */
    public Report run(int cases, long baseSeed) throws IOException, InterruptedException {
        int valid = 0;
        int rejected = 0;
        long slowest = 0;
        List<Defect> defects = new ArrayList<>();
        try {
            Defect baseline = baseline();
            if (baseline != null) return new Report(0, 0, 0, 0, List.of(baseline));
            for (int i = 0; i < cases; i++) {
                long seed = baseSeed + i;
                Path tree = fresh("case");
                List<String> mutations = new ConfigMutator(new Random(seed)).mutate(tree);
                long start = System.nanoTime();
                Outcome outcome = check(tree.resolve("supervisord.conf"));
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                String problem = judge(outcome);
                if (problem != null) {
                    defects.add(new Defect(seed, mutations, problem, outcome.output()));
                    keep(tree, seed);
                } else if (outcome.exit() == 0) {
                    valid++;
                } else {
                    rejected++;
                }
            }
        } finally {
            runner.shutdownNow();
        }
        return new Report(cases, valid, rejected, slowest, defects);
    }

    /**
     * The unmutated tree must be read into a plan (its group named in the output), else every exit 2 would prove
     * nothing (a missing command also exits 2).
     */
    private Defect baseline() throws IOException, InterruptedException {
        Outcome outcome = check(fresh("baseline").resolve("supervisord.conf"));
        String problem = judge(outcome);
        if (problem == null && !outcome.output().contains("group amqp2engines")) problem = "no plan printed";
        return problem == null ? null : new Defect(-1, List.of("none (the shipped tree)"), problem, outcome.output());
    }

    private static String judge(Outcome outcome) {
        if (outcome.exit() == Outcome.HUNG) return "no answer within the time limit (hang)";
        if (STACK_TRACE.matcher(outcome.output()).find()) return "stack trace in the output";
        if (outcome.exit() == 2 && outcome.output().isBlank()) return "exit 2 without a message";
        if (outcome.exit() != 0 && outcome.exit() != 2) return "exit " + outcome.exit() + " (expected 0 or 2)";
        return null;
    }

    private record Outcome(int exit, String output) {
        static final int HUNG = Integer.MIN_VALUE;
    }

    private Outcome check(Path mainFile) throws InterruptedException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Future<Integer> exit = runner.submit(() -> Main.run(new String[] {"check", "-c", mainFile.toString()}, out, out));
        try {
            return new Outcome(exit.get(timeoutMillis, TimeUnit.MILLISECONDS), text.toString());
        } catch (TimeoutException e) {
            exit.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            return new Outcome(Outcome.HUNG, text.toString());
        } catch (ExecutionException e) {
            return new Outcome(1, text + "\n" + e.getCause());
        }
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "config-fuzz-check");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A fresh copy of the shipped tree as {@code NAME/etc} beside {@code NAME/logs}, as installed, with amqp.conf made
     * from its example so that it is mutated too.
     */
    private Path fresh(String name) throws IOException {
        Path installation = workDir.resolve(name);
        Trees.delete(installation);
        Path tree = installation.resolve("etc");
        Trees.copy(shippedEtc, tree);
        Files.createDirectories(installation.resolve("logs"));
        Path example = tree.resolve("amqp.conf.example");
        if (Files.exists(example)) Files.move(example, tree.resolve("amqp.conf"), StandardCopyOption.REPLACE_EXISTING);
        return tree;
    }

    private void keep(Path tree, long seed) throws IOException {
        Path kept = workDir.resolve("failures").resolve("seed-" + seed);
        Trees.delete(kept);
        Trees.copy(tree.getParent(), kept);
    }
}
