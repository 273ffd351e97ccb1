package dev.orchestrator.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which event each worker has in hand, in a small memory-mapped file per process under the daemon's log directory
 * ({@code .inhand/<process>}), so that what a worker or the whole daemon died with is known at the next start
 * (writes to a mapped file survive the JVM's death, {@code kill -9} included; only the machine's crash loses them).
 * An event found in hand at more than {@code max_retries} deaths goes to the error queue instead of to its task:
 * no event can crash-loop the pipeline, and the events merely prefetched beside it are not counted (docs/runtime.md,
 * "Delivery limit"). Events are known by a fingerprint of their body; one slot is 16 bytes: fingerprint, earlier
 * deaths with it in hand, and whether it is in hand now.
 */
public final class InHandJournal {

    /** No journal: nothing is recorded, nothing is suspect (tests, {@code orchestrator launch}). */
    public static final InHandJournal NONE = new InHandJournal(null);

    /** The journal's directory under the daemon's {@code childlogdir}. */
    public static final String DIRECTORY = ".inhand";

    private static final int SLOT_BYTES = 16;

    private final Path directory;
    /** Fingerprint of an event found in hand at a death -> deaths with it in hand. */
    private final Map<Long, Integer> suspects = new ConcurrentHashMap<>();

    private InHandJournal(Path directory) {
        this.directory = directory;
    }

    /** The journal under {@code directory}; the events the last run's workers died with become suspects. */
    public static InHandJournal open(Path directory) {
        InHandJournal journal = new InHandJournal(directory);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> slots = Files.list(directory)) {
                slots.forEach(journal::readDeath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-hand journal " + directory + ": " + e.getMessage(), e);
        }
        return journal;
    }

    /** The slot of process {@code name}, after noting what its previous run died with. */
    Slot slot(String processName) {
        if (directory == null) return Slot.NONE;
        Path file = directory.resolve(processName);
        readDeath(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, SLOT_BYTES);
            buffer.putInt(12, 0);
            return new Slot(buffer, suspects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deaths of workers with the event of {@code fingerprint} in hand. */
    int deaths(long fingerprint) {
        return suspects.isEmpty() ? 0 : suspects.getOrDefault(fingerprint, 0);
    }

    /** Forgets a suspect once it is out of the pipeline (processed or error-queued). */
    void settled(long fingerprint) {
        if (!suspects.isEmpty()) suspects.remove(fingerprint);
    }

    private void readDeath(Path file) {
        if (!Files.isRegularFile(file)) return;
        try {
            ByteBuffer slot = ByteBuffer.wrap(Files.readAllBytes(file));
            if (slot.capacity() == SLOT_BYTES && slot.getInt(12) == 1) {
                suspects.merge(slot.getLong(0), slot.getInt(8) + 1, Math::max);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A 64-bit fingerprint of a body, eight bytes at a time (a body's identity here, not a digest). */
    static long fingerprint(byte[] body) {
        ByteBuffer words = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        long hash = body.length * GOLDEN;
        while (words.remaining() >= Long.BYTES) {
            hash = mix(hash ^ words.getLong());
        }
        while (words.hasRemaining()) {
            hash = mix(hash ^ words.get());
        }
        return hash;
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static long mix(long h) {
        h *= GOLDEN;
        return h ^ (h >>> 29);
    }

    /** One worker's slot: written on its own thread only. */
    static final class Slot {
        static final Slot NONE = new Slot(null, Map.of());
        private final MappedByteBuffer buffer;
        private final Map<Long, Integer> suspects;

        private Slot(MappedByteBuffer buffer, Map<Long, Integer> suspects) {
            this.buffer = buffer;
            this.suspects = suspects;
        }

        /** The event of {@code fingerprint} is in hand, after {@code deaths} earlier deaths with it. */
        void hold(long fingerprint, int deaths) {
            if (buffer == null) return;
            buffer.putLong(0, fingerprint);
            buffer.putInt(8, deaths);
            buffer.putInt(12, 1);
        }

        /** Nothing in hand. */
        void release() {
            if (buffer != null) buffer.putInt(12, 0);
        }

        /**
         * The worker's thread is abandoned (stuck past stopwaitsecs, from another thread): the event it holds counts
         * as a death with it in hand now, as at the next start of a worker that died, since this one may never end.
         */
        void abandoned() {
            if (buffer != null && buffer.getInt(12) == 1) {
                suspects.merge(buffer.getLong(0), buffer.getInt(8) + 1, Math::max);
            }
        }
    }
}
