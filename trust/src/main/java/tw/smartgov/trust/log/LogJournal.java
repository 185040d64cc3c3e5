package tw.smartgov.trust.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The local journal of one log: its writer puts each batch of appends here, durably and in order,
 * before the database has them, so that an append is acknowledged after one local flush instead of
 * a database commit. The log's drainer then copies the batches into the database; after a crash
 * the next writer copies whatever the database is missing before it takes new appends.
 *
 * <p>The journal is a folder of segment files of {@link #segmentBytes} each, filled with zeros when
 * created, so that writing a batch into one (with {@code O_DSYNC}) changes no file metadata: one
 * flush of data per batch. A record is {@code length, CRC-32C, leaf index, body}; reading a
 * segment stops at the first record that is empty, torn (its CRC does not match) or out of
 * sequence. Segment names carry no meaning: a segment's place is the index of its first record.
 * Segments whose records all reached the database are deleted. A lock file keeps a second writer
 * (another process, or another writer in this one) out of the folder, and the folder's {@code
 * owner} file names the writer in the database's log state. One thread writes; {@link #release}
 * and {@link #prepareSpare} may run on another.
 */
final class LogJournal implements Closeable {
    static final int DEFAULT_SEGMENT_BYTES = 16 << 20;
    private static final int HEADER_BYTES = 16;
    private static final String SUFFIX = ".journal";

    /** One append as journaled: its index, when it was appended, its entry and its rows. */
    record Record(
            long index,
            Instant appendedAt,
            byte[] data,
            @Nullable RowValues rows) {
        int encodedSize() {
            return HEADER_BYTES + 64 + data.length + (rows == null ? 0 : rows.estimatedBytes());
        }
    }

    private record FullSegment(Path path, long lastIndex) {}

    private final Path directory;
    private final int segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String owner;
    // Segments written to and full, oldest first; the drainer deletes them once stored.
    private final Deque<FullSegment> full = new ArrayDeque<>();
    private @Nullable Path current;
    private @Nullable FileChannel currentChannel;
    private long position;
    private long lastWritten = -1;
    private @Nullable Path spare;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    private LogJournal(Path directory, int segmentBytes, FileChannel lockChannel, FileLock lock, String owner) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.owner = owner;
    }

    /**
     * Opens (creating it if needed) the journal in {@code directory}, taking its lock; fails with
     * {@link IllegalStateException} when another writer holds it.
     */
    static LogJournal open(Path directory, int segmentBytes) throws IOException {
        if (segmentBytes < 2 * TransparencyLogs.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a journal segment must hold at least two of the largest entries");
        }
        Files.createDirectories(directory);
        FileChannel lockChannel =
                FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("the log journal in " + directory + " is in use by another writer");
        }
        try {
            return new LogJournal(directory, segmentBytes, lockChannel, lock, ownerOf(directory));
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    // The owner id is made once per folder and made durable before any database row names it.
    private static String ownerOf(Path directory) throws IOException {
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
        syncDirectory(directory);
        return owner;
    }

    /** The id this journal's writer uses to claim its log in the database. */
    String owner() {
        return owner;
    }

    Path directory() {
        return directory;
    }

    /** Every readable record of every segment, by index; a gap between segments is the caller's to judge. */
    List<Record> readAll() throws IOException {
        List<List<Record>> segments = new ArrayList<>();
        for (Path path : segmentFiles()) {
            List<Record> records = read(path);
            if (!records.isEmpty()) {
                segments.add(records);
            }
        }
        segments.sort(Comparator.comparingLong(s -> s.getFirst().index()));
        return segments.stream().flatMap(List::stream).toList();
    }

    /**
     * Deletes every segment and starts an empty one whose first record will be {@code nextIndex}:
     * after recovery, once the database holds everything the old segments had.
     */
    void startAt(long nextIndex) throws IOException {
        closeCurrent();
        current = null;
        synchronized (full) {
            full.clear();
        }
        for (Path path : segmentFiles()) {
            if (!path.equals(spare)) {
                Files.delete(path);
            }
        }
        syncDirectory(directory);
        lastWritten = nextIndex - 1;
        roll();
    }

    /**
     * Writes {@code records} (consecutive indexes following the last written) and returns once
     * they are durable. A failure leaves the journal unusable: what reached the disk is unknown.
     */
    void write(List<Record> records) throws IOException {
        int i = 0;
        while (i < records.size()) {
            buffer.clear();
            int start = i;
            while (i < records.size()) {
                Record record = records.get(i);
                if (record.index() != lastWritten + 1 + (i - start)) {
                    throw new IllegalArgumentException("journal records out of sequence at " + record.index());
                }
                byte[] body = body(record);
                int size = HEADER_BYTES + body.length;
                // the zeros after the last record mark the end; keep a header's worth of them
                if (position + buffer.position() + size + HEADER_BYTES > segmentBytes) {
                    break;
                }
                ensureRoom(size);
                CRC32C crc = new CRC32C();
                crc.update(ByteBuffer.allocate(8).putLong(0, record.index()));
                crc.update(body);
                buffer.putInt(body.length)
                        .putInt((int) crc.getValue())
                        .putLong(record.index())
                        .put(body);
                i++;
            }
            if (i > start) {
                buffer.flip();
                FileChannel channel = currentChannel();
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                lastWritten = records.get(i - 1).index();
            }
            if (i < records.size()) {
                if (i == start && position == 0) {
                    throw new IllegalArgumentException(
                            "record " + records.get(i).index() + " exceeds a journal segment");
                }
                roll();
            }
        }
    }

    /** Deletes the full segments whose records all have indexes below {@code storedSize}. */
    void release(long storedSize) throws IOException {
        List<FullSegment> deletable = new ArrayList<>();
        synchronized (full) {
            while (!full.isEmpty() && full.peekFirst().lastIndex() < storedSize) {
                deletable.add(full.removeFirst());
            }
        }
        for (FullSegment segment : deletable) {
            Files.deleteIfExists(segment.path());
        }
    }

    /** Makes the next segment ahead of time, so that filling one does not stall a batch. */
    void prepareSpare() throws IOException {
        synchronized (this) {
            if (spare != null) {
                return;
            }
        }
        Path made = newSegmentFile();
        synchronized (this) {
            spare = made;
        }
    }

    /** How many full segments wait to be released; for tests. */
    int fullSegments() {
        synchronized (full) {
            return full.size();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeCurrent();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private void roll() throws IOException {
        Path path;
        synchronized (this) {
            path = spare;
            spare = null;
        }
        if (path == null) {
            path = newSegmentFile();
        }
        Path previous = current;
        closeCurrent();
        if (previous != null) {
            synchronized (full) {
                full.addLast(new FullSegment(previous, lastWritten));
            }
        }
        current = path;
        currentChannel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        position = 0;
    }

    private FileChannel currentChannel() {
        if (currentChannel == null) {
            throw new IllegalStateException("the journal in " + directory + " has not been started");
        }
        return currentChannel;
    }

    private void closeCurrent() throws IOException {
        if (currentChannel != null) {
            currentChannel.close();
            currentChannel = null;
        }
    }

    private Path newSegmentFile() throws IOException {
        Path path = directory.resolve("segment-" + UUID.randomUUID() + SUFFIX);
        Path temporary = directory.resolve(path.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < segmentBytes; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), segmentBytes - written));
                written += out.write(zeros, written);
            }
            out.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directory);
        return path;
    }

    private List<Path> segmentFiles() throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private void ensureRoom(int size) {
        if (buffer.remaining() < size) {
            ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + size));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }

    /** The records of one segment, up to the first one that is empty, torn or out of sequence. */
    static List<Record> read(Path path) throws IOException {
        List<Record> records = new ArrayList<>();
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = in.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (at + HEADER_BYTES <= size) {
                header.clear();
                readFully(in, header, at);
                int length = header.getInt(0);
                int crc = header.getInt(4);
                long index = header.getLong(8);
                if (length <= 0 || at + HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                readFully(in, body, at + HEADER_BYTES);
                CRC32C check = new CRC32C();
                check.update(ByteBuffer.allocate(8).putLong(0, index));
                check.update(body.array());
                boolean inSequence =
                        records.isEmpty() || index == records.getLast().index() + 1;
                if ((int) check.getValue() != crc || !inSequence) {
                    break;
                }
                records.add(decode(index, body.array()));
                at += HEADER_BYTES + length;
            }
        }
        return records;
    }

    private static void readFully(FileChannel in, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int read = in.read(into, position);
            if (read < 0) {
                throw new EOFException();
            }
            position += read;
        }
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static byte[] body(Record record) {
        try {
            var bytes = new ByteArrayOutputStream(record.encodedSize());
            var out = new DataOutputStream(bytes);
            out.writeLong(record.appendedAt().getEpochSecond());
            out.writeInt(record.appendedAt().getNano());
            out.writeInt(record.data().length);
            out.write(record.data());
            RowValues rows = record.rows();
            out.writeBoolean(rows != null);
            if (rows != null) {
                rows.writeTo(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    private static Record decode(long index, byte[] body) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(body));
        Instant appendedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        RowValues rows = in.readBoolean() ? RowValues.readFrom(in) : null;
        return new Record(index, appendedAt, data, rows);
    }
}
