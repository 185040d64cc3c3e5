package tw.smartgov.trust.log.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The folder of one log's journal: its lock file, which keeps a second writer (another process,
 * or another writer in this one) out; its {@code owner} file, naming the writer in the database's
 * log state; and its segment files, each made full of zeros before it is used. Segment names carry
 * no meaning: a segment's place is the index of its first record.
 */
final class JournalFolder {
    private static final String SUFFIX = ".journal";

    private JournalFolder() {}

    /** Takes the folder's lock; fails with {@link IllegalStateException} when another writer holds it. */
    static Locked lock(Path directory) throws IOException {
        FileChannel channel =
                FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the log journal in " + directory + " is in use by another writer");
        }
        return new Locked(channel, lock);
    }

    /** The folder's lock, held until {@link #release}. */
    record Locked(FileChannel channel, FileLock lock) {
        void release() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    // The owner id is made once per folder and made durable before any database row names it.
    static String owner(Path directory) throws IOException {
        Path file = directory.resolve("owner");
        if (Files.exists(file)) {
            String owner = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!owner.isEmpty()) {
                return owner;
            }
        }
        String owner = UUID.randomUUID().toString();
        Path temporary = directory.resolve("owner.tmp");
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        sync(directory);
        return owner;
    }

    /** Makes a segment of {@code bytes} zeros, durably, under a fresh name. */
    static Path newSegment(Path directory, int bytes) throws IOException {
        Path path = directory.resolve("segment-" + UUID.randomUUID() + SUFFIX);
        Path temporary = directory.resolve(path.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < bytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - written));
                written += out.write(zeros, written);
            }
            out.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        sync(directory);
        return path;
    }

    static List<Path> segments(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /** Deletes every segment but {@code keep}. */
    static void deleteSegments(Path directory, @Nullable Path keep) throws IOException {
        for (Path path : segments(directory)) {
            if (!path.equals(keep)) {
                Files.delete(path);
            }
        }
        sync(directory);
    }

    static void sync(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
