package dev.orchestrator.supervision;

import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.UnixSignals;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Small real workers with scripted behaviour, and a factory that makes them by process name. */
public final class TestWorkers implements WorkerFactory {

    private final Map<String, Supplier<Worker>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> spawns = new ConcurrentHashMap<>();

    /** The worker each spawn of {@code process} gets. */
    public TestWorkers script(String process, Supplier<Worker> worker) {
        scripts.put(process, worker);
        return this;
    }

    public int spawns(String process) { return spawns.computeIfAbsent(process, k -> new AtomicInteger()).get(); }

    @Override
    public Worker create(ProcessConfig process) throws SpawnException {
        spawns.computeIfAbsent(process.name(), k -> new AtomicInteger()).incrementAndGet();
        Supplier<Worker> script = scripts.get(process.name());
        if (script == null) throw new SpawnException("no script for " + process.name());
        Worker w = script.get();
        if (w instanceof Failing f) throw new SpawnException(f.message);
        return w;
    }

    /** Ends with {@code code} after {@code millis}, or with {@code stopCode} as soon as a stop is requested. */
    public static Worker exitAfter(long millis, int code, int stopCode) { return new Timed(millis, code, stopCode); }

    public static Worker exitAfter(long millis, int code) { return exitAfter(millis, code, 0); }

    /** Runs until a stop is requested, then ends with {@code stopCode}. */
    public static Worker untilStopped(int stopCode) { return exitAfter(Long.MAX_VALUE, 0, stopCode); }

    public static Worker untilStopped() { return untilStopped(0); }

    /** Starts a thread that lives until {@code release} opens, then runs until a stop is requested. */
    public static Worker leaking(CountDownLatch release) {
        return new Timed(Long.MAX_VALUE, 0, 0) {
            @Override
            public int run() throws Exception {
                Thread leaked = new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "leaked");
                leaked.setDaemon(true);
                leaked.start();
                return super.run();
            }
        };
    }

    /** Runs until a stop is requested, then takes {@code millis} to end with 0. */
    public static Worker slowToStop(long millis) {
        return new Timed(Long.MAX_VALUE, 0, 0) {
            @Override
            public int run() throws Exception {
                super.run();
                new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
                return 0;
            }
        };
    }

    /** Ignores stop requests and interrupts until {@code release} opens; its abort blocks {@code abortMillis}. */
    public static Worker stuck(CountDownLatch release, long abortMillis) { return new Stuck(release, abortMillis); }

    /** Throws from {@code run} after {@code millis}. */
    public static Worker throwing(long millis, String message) {
        return new Timed(millis, 0, 0) {
            @Override
            public int run() throws Exception {
                super.run();
                throw new IllegalStateException(message);
            }
        };
    }

    /**
     * Ready only after {@code readyMillis} (never when negative), as an engine worker connecting to a slow broker;
     * ends with {@code code} after {@code millis}, or with 0 as soon as a stop is requested.
     */
    public static Worker readyAfter(long readyMillis, long millis, int code) {
        return new Gated(readyMillis, millis, code);
    }

    /**
     * Ready once {@code ready} opens, then ends with {@code code} once {@code exit} opens: each whenever a test on a
     * driven clock says (deaf to stop requests).
     */
    public static Worker readyWhen(CountDownLatch ready, CountDownLatch exit, int code) {
        return new Gated(-1, Long.MAX_VALUE, code) {
            @Override
            public int run() throws Exception {
                ready.await();
                signalReady();
                exit.await();
                return code;
            }
        };
    }

    /** A spawn error: the factory throws {@link SpawnException} with {@code message}. */
    public static Worker spawnError(String message) { return new Failing(message); }

    private static class Timed implements Worker {
        private final long millis;
        private final int code;
        private final int stopCode;
        private final CountDownLatch stop = new CountDownLatch(1);

        Timed(long millis, int code, int stopCode) {
            this.millis = millis;
            this.code = code;
            this.stopCode = stopCode;
        }

        @Override
        public int run() throws Exception {
            return stop.await(millis, TimeUnit.MILLISECONDS) ? stopCode : code;
        }

        @Override
        public void requestStop() { stop.countDown(); }

        @Override
        public void abort() { stop.countDown(); }

        @Override
        public Map<String, Object> counters() { return Map.of("events", 0); }
    }

    private static class Gated implements Worker {
        private final long readyMillis;
        private final long millis;
        private final int code;
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile Runnable ready = () -> { };

        Gated(long readyMillis, long millis, int code) {
            this.readyMillis = readyMillis;
            this.millis = millis;
            this.code = code;
        }

        @Override
        public void whenReady(Runnable ready) { this.ready = ready; }

        void signalReady() { ready.run(); }

        @Override
        public int run() throws Exception {
            long waited = 0;
            if (readyMillis >= 0) {
                if (stop.await(readyMillis, TimeUnit.MILLISECONDS)) return 0;
                ready.run();
                waited = readyMillis;
            }
            return stop.await(Math.max(0, millis - waited), TimeUnit.MILLISECONDS) ? 0 : code;
        }

        @Override
        public void requestStop() { stop.countDown(); }

        @Override
        public void abort() { stop.countDown(); }

        @Override
        public Map<String, Object> counters() { return Map.of(); }
    }

    /** Ignores stop requests and abort. */
    private abstract static class Deaf implements Worker {
        @Override
        public void requestStop() { }

        @Override
        public void abort() { }

        @Override
        public Map<String, Object> counters() { return Map.of(); }
    }

    private static final class Stuck extends Deaf {
        private final CountDownLatch release;
        private final long abortMillis;

        Stuck(CountDownLatch release, long abortMillis) {
            this.release = release;
            this.abortMillis = abortMillis;
        }

        @Override
        public void abort() {
            try {
                release.await(abortMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int run() {
            while (true) {
                try {
                    release.await();
                    return 0;
                } catch (InterruptedException e) {
                    // ignored on purpose: a worker stuck in code that swallows interrupts
                }
            }
        }
    }

    /** Returns {@code code} once {@code release} is counted down, deaf to stop requests. */
    public static Worker held(CountDownLatch release, int code) {
        return new Deaf() {
            @Override
            public int run() throws InterruptedException {
                release.await();
                return code;
            }
        };
    }

    /**
     * A child process deaf to its stop signal: {@code kills} counts its SIGKILLs ({@link Worker#abort}), and it dies
     * of SIGKILL once {@code dies} opens, whenever a test on a driven clock says.
     */
    public static Worker killable(CountDownLatch dies, AtomicInteger kills) {
        return new Deaf() {
            @Override
            public int run() throws InterruptedException {
                dies.await();
                return -UnixSignals.KILL;
            }

            @Override
            public boolean killable() { return true; }

            @Override
            public void abort() { kills.incrementAndGet(); }
        };
    }

    private static final class Failing extends Deaf {
        final String message;

        Failing(String message) { this.message = message; }

        @Override
        public int run() { return 1; }
    }
}
