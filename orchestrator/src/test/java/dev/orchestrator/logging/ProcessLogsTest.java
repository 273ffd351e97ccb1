package dev.orchestrator.logging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrator.config.LogSpec;
import dev.orchestrator.config.ProcessConfig;
import dev.orchestrator.config.SupervisordSettings;
import dev.orchestrator.supervision.TestProcesses;
import dev.orchestrator.testing.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-process files through log4j2: routing by thread, System.out/err, rotation, clear, the main log's format. */
class ProcessLogsTest {

    @TempDir
    Path dir;
    LogSystem system;
    ProcessLogs logs;

    @BeforeEach
    void setUp() {
        system = LogSystem.start(new SupervisordSettings(dir.resolve("main.log"), 0, 0, "info", null, dir, dir, null),
                false);
        logs = system.processLogs();
    }

    @AfterEach
    void tearDown() { system.close(); }

    private static LogSpec file(Path path, long maxBytes, int backups) {
        return new LogSpec(path, false, maxBytes, backups);
    }

    private ProcessConfig program(String name, LogSpec out, LogSpec err) {
        return TestProcesses.process(name).stdout(out).stderr(err).build();
    }

    /** Runs {@code body} on a fresh thread bound to {@code process}, as a worker's thread is. */
    private static void onWorkerThread(String process, Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            ProcessLogs.bind(process);
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, process);
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }

    private static String read(Path p) throws IOException { return Files.exists(p) ? Files.readString(p) : ""; }

    @Test
    void eachProgramsLinesAndPrintsLandInItsOwnFile() throws Exception {
        Path alpha = dir.resolve("alpha.log");
        Path beta = dir.resolve("beta.log");
        logs.open(program("alpha", file(alpha, 0, 0), file(alpha, 0, 0)));
        logs.open(program("beta", file(beta, 0, 0), file(beta, 0, 0)));
        onWorkerThread("alpha", () -> {
            LogManager.getLogger("engine.alpha").info("Engine initialized");
            LogManager.getLogger("com.example.Library").warn("library line");
            System.out.println("printed by alpha");
            System.err.println("error printed by alpha");
        });
        onWorkerThread("beta", () -> LogManager.getLogger("engine.beta").error("beta failed"));
        System.out.println("printed by the test thread");

        String a = read(alpha);
        assertTrue(Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO engine.alpha Engine initialized$")
                .matcher(a).find(), a);
        assertTrue(a.contains(" WARNING com.example.Library library line\n"), a);
        assertTrue(a.contains("\nprinted by alpha\n"), a);
        assertTrue(a.contains("\nerror printed by alpha\n"), a);
        assertFalse(a.contains("beta"), a);
        String b = read(beta);
        assertTrue(b.contains(" ERROR engine.beta beta failed"), b);
        assertFalse(b.contains("alpha") || b.contains("test thread"), b);
    }

    @Test
    void anEngineWorkersLinesSayItsNumber() throws Exception {
        Path shared = dir.resolve("engine.log");
        logs.open(program("w-0", file(shared, 0, 0), file(shared, 0, 0)));
        logs.open(program("w-1", file(shared, 0, 0), file(shared, 0, 0)));
        onWorkerThread("w-0", () -> {
            ProcessLogs.bindWorker(0);
            LogManager.getLogger("engine.w").info("from the first worker");
        });
        onWorkerThread("w-1", () -> {
            ProcessLogs.bindWorker(1);
            LogManager.getLogger("engine.w").warn("from the second worker");
            System.out.println("printed as it is");
        });
        String text = read(shared);
        assertTrue(text.contains(" INFO engine.w [worker 0] from the first worker\n"), text);
        assertTrue(text.contains(" WARNING engine.w [worker 1] from the second worker\n"), text);
        assertTrue(text.contains("\nprinted as it is\n"), text);
    }

    @Test
    void stderrGoesToItsOwnFileUnlessRedirectedAndNoneDiscards() throws Exception {
        Path out = dir.resolve("out.log");
        Path err = dir.resolve("err.log");
        logs.open(program("split", file(out, 0, 0), file(err, 0, 0)));
        logs.open(TestProcesses.process("quiet").stdout(LogSpec.none()).stderr(LogSpec.none()).build());
        onWorkerThread("split", () -> {
            System.out.println("to stdout");
            System.err.println("to stderr");
        });
        onWorkerThread("quiet", () -> System.out.println("discarded"));
        assertEquals("to stdout\n", read(out));
        assertEquals("to stderr\n", read(err));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("err.log", "main.log", "out.log"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void rotationKeepsExactlyBackupsFiles() throws Exception {
        Path spew = dir.resolve("spew.log");
        logs.open(program("spew", file(spew, 1024, 2), file(spew, 1024, 2)));
        String line = "x".repeat(89);
        onWorkerThread("spew", () -> {
            for (int i = 0; i < 100; i++) System.out.println(line);
        });
        assertTrue(Files.exists(dir.resolve("spew.log.1")));
        assertTrue(Files.exists(dir.resolve("spew.log.2")));
        assertFalse(Files.exists(dir.resolve("spew.log.3")));
        for (String backup : List.of("spew.log.1", "spew.log.2")) {
            long size = Files.size(dir.resolve(backup));
            assertTrue(size >= 1024 && size <= 1024 + 2 * 90, backup + " is " + size + " bytes");
        }
        assertTrue(Files.size(spew) <= 1024 + 90);
    }

    @Test
    void noBackupsTruncatesAndZeroMaxbytesNeverRotates() throws Exception {
        Path truncated = dir.resolve("truncated.log");
        Path growing = dir.resolve("growing.log");
        logs.open(program("t", file(truncated, 1024, 0), file(truncated, 1024, 0)));
        logs.open(program("g", file(growing, 0, 5), file(growing, 0, 5)));
        String line = "y".repeat(89);
        for (String p : List.of("t", "g")) {
            onWorkerThread(p, () -> {
                for (int i = 0; i < 50; i++) System.out.println(line);
            });
        }
        assertTrue(Files.size(truncated) <= 1024 + 90, "truncated in place");
        assertFalse(Files.exists(dir.resolve("truncated.log.1")));
        assertEquals(50 * 90, Files.size(growing));
        assertFalse(Files.exists(dir.resolve("growing.log.1")));
    }

    @Test
    void clearEmptiesTheFileAndLaterLinesStillArrive() throws Exception {
        Path path = dir.resolve("c.log");
        ProcessLog log = logs.open(program("c", file(path, 0, 0), file(path, 0, 0)));
        onWorkerThread("c", () -> System.out.println("before"));
        log.clear();
        assertEquals("", read(path));
        onWorkerThread("c", () -> System.out.println("after"));
        assertEquals("after\n", read(path));
    }

    @Test
    void aStderrFileThatCannotBeOpenedIsOneLineAndLeavesTheStdoutFileClosed() throws Exception {
        Path out = dir.resolve("out.log");
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
        ProcessConfig p = program("p", file(out, 0, 0), file(notADirectory.resolve("err.log"), 0, 0));
        IOException e = assertThrows(IOException.class, () -> logs.open(p));
        assertEquals("cannot open log file " + notADirectory.resolve("err.log") + ": " + notADirectory
                + " is not a directory", e.getMessage());
        assertEquals(List.of(), descriptorsOf(out));
    }

    /** This JVM's open file descriptors on {@code path} (Linux). */
    private static List<Path> descriptorsOf(Path path) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return null; // closed meanwhile
                }
            }).filter(path::equals).toList();
        }
    }

    @Test
    void sharedFileStaysOpenUntilItsLastProcessCloses() throws Exception {
        Path path = dir.resolve("shared.log");
        ProcessLog first = logs.open(program("w-0", file(path, 0, 0), file(path, 0, 0)));
        logs.open(program("w-1", file(path, 0, 0), file(path, 0, 0)));
        first.close();
        onWorkerThread("w-1", () -> System.out.println("still here"));
        onWorkerThread("w-0", () -> LogManager.getLogger("engine.w").info("goes to the main log now"));
        assertEquals("still here\n", read(path));
        await().atMost(Duration.ofSeconds(5)).until(() -> read(dir.resolve("main.log"))
                .contains("INFO goes to the main log now"));
    }

    @Test
    void clearWhileAWorkerWritesLosesNoLineAfterItAndRaisesNoError() throws Exception {
        Path path = dir.resolve("busy.log");
        ProcessLog log = logs.open(program("busy", file(path, 0, 0), file(path, 0, 0)));
        List<String> errors = new CopyOnWriteArrayList<>();
        StatusListener listener = new StatusListener() {
            @Override
            public void log(StatusData data) { errors.add(data.getFormattedStatus()); }

            @Override
            public Level getStatusLevel() { return Level.ERROR; }

            @Override
            public void close() { }
        };
        StatusLogger.getLogger().registerListener(listener);
        try {
            CountDownLatch cleared = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                ProcessLogs.bind("busy");
                for (int i = 0; cleared.getCount() > 0 || i < 10; i++) System.out.println("line " + i);
                System.out.println("last line");
            });
            writer.start();
            for (int i = 0; i < 20; i++) log.clear();
            cleared.countDown();
            writer.join();
        } finally {
            StatusLogger.getLogger().removeListener(listener);
        }
        assertEquals(List.of(), errors);
        assertTrue(read(path).endsWith("last line\n"), read(path));
    }

    @Test
    void aFileOnAFullDiskNeverThrowsIntoTheWriterIsReportedOnceAndRetried() throws Exception {
        AtomicLong now = new AtomicLong();
        logs.clock(now::get);
        LogSpec full = file(Path.of("/dev/full"), 0, 0);
        ProcessLog log = logs.open(program("full", full, full));
        Runnable writes = () -> {
            for (int i = 0; i < 50; i++) {
                LogManager.getLogger("engine.full").info("line {}", i);
                System.out.println("printed " + i);
                System.err.println("error printed " + i);
            }
        };
        onWorkerThread("full", writes);
        assertEquals("cannot write /dev/full: No space left on device (150 lines dropped)", log.problem());
        now.addAndGet(LogFile.RETRY_NANOS);
        onWorkerThread("full", writes);
        assertEquals("cannot write /dev/full: No space left on device (300 lines dropped)", log.problem());
        String main = read(dir.resolve("main.log"));
        assertEquals(1, main.split("cannot be written", -1).length - 1, main);
        assertTrue(main.contains(" ERRO log file /dev/full cannot be written (No space left on device): its lines"
                + " are dropped until it can\n"), main);
    }

    @Test
    void aFullDiskThatHasRoomAgainIsSaidOnceInTheMainLog() throws Exception {
        AtomicLong now = new AtomicLong();
        logs.clock(now::get);
        Path disk = Files.createDirectory(dir.resolve("tiny"));
        try (Tmpfs ignored = Tmpfs.mount(disk, "size=64k")) {
            Path path = disk.resolve("engine.log");
            ProcessLog log = logs.open(program("tiny", file(path, 0, 0), file(path, 0, 0)));
            Path filler = disk.resolve("filler");
            fill(filler);
            onWorkerThread("tiny", () -> System.out.println("x".repeat(8192)));
            assertTrue(log.problem().startsWith("cannot write " + path + ": No space left on device"), log.problem());
            Files.delete(filler);
            now.addAndGet(LogFile.RETRY_NANOS);
            onWorkerThread("tiny", () -> System.out.println("back"));
            assertEquals(null, log.problem());
            assertTrue(read(path).endsWith("back\n"));
            String main = read(dir.resolve("main.log"));
            assertTrue(main.contains(" ERRO log file " + path + " cannot be written (No space left on device)"), main);
            assertTrue(main.contains(" INFO log file " + path + " written again ("), main);
            log.close();
        }
    }

    private static void fill(Path filler) throws IOException {
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException full) {
            // no space left: the disk is full
        }
    }
}
